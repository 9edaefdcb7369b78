// Building the widget's elements without HTML strings, and bringing in the knowledge base's
// HTML (already sanitized by the server) through an inert document, keeping only what is safe
// and what a strict CSP allows (no style attributes, no scripts, no event handlers).

type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** An element with attributes (`true`: present, `false`/undefined: absent) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string") element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

const DROPPED = new Set([
  "SCRIPT",
  "STYLE",
  "LINK",
  "META",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "FORM",
  "INPUT",
  "BUTTON",
  "TEXTAREA",
  "SELECT",
  "BASE",
  "SVG",
  "MATH",
  "TEMPLATE",
]);

function clean(node: Element, only?: ReadonlySet<string>): void {
  for (const child of [...node.children]) {
    if (DROPPED.has(child.tagName.toUpperCase())) {
      child.remove();
      continue;
    }
    clean(child, only);
    if (only && !only.has(child.tagName.toUpperCase())) {
      child.replaceWith(...child.childNodes);
      continue;
    }
    for (const attribute of [...child.attributes]) {
      const name = attribute.name.toLowerCase();
      const unsafeUrl = (name === "href" || name === "src") && !/^(https?:|mailto:|tel:|#|\/)/i.test(attribute.value.trim());
      if (name === "style" || name.startsWith("on") || name === "srcdoc" || unsafeUrl) child.removeAttribute(attribute.name);
    }
    if (child.tagName === "A") {
      child.setAttribute("target", "_blank");
      child.setAttribute("rel", "noopener noreferrer");
    }
  }
}

/** The nodes of `html` parsed in an inert document and cleaned; with `only`, other elements keep just their text. */
export function safeNodes(html: string, only?: readonly string[]): Node[] {
  const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html").body;
  clean(body, only ? new Set(only.map((t) => t.toUpperCase())) : undefined);
  return [...body.childNodes].map((node) => document.importNode(node, true));
}

/** `text` with `{name}` placeholders filled in. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `run` once `ms` after the last call. */
export function debounce<A extends unknown[]>(run: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(...args), ms);
  };
}
