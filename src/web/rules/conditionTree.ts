// A rule's conditions as the editor shows them: groups of rows, each group "all of", "any of",
// "none of" or "not all of", nesting as deep as the rule does; read from and written back to the
// API's `{all}`/`{any}`/`{not}` shape without changing what the conditions mean.

import type { Condition, Predicate } from "../../core/rules/rule.js";

export type GroupKind = "all" | "any" | "none" | "notAll";
export const GROUP_KINDS: readonly GroupKind[] = ["all", "any", "none", "notAll"];

export interface ConditionGroup {
  kind: GroupKind;
  items: ConditionNode[];
}
export type ConditionNode = ConditionGroup | Predicate;

export const isGroup = (node: ConditionNode): node is ConditionGroup => "items" in node;
export const isPredicate = (condition: Condition): condition is Predicate => "field" in condition;

/** The editor's group for a condition; a lone comparison or `not` becomes a group of one. */
export function groupOf(condition: Condition): ConditionGroup {
  if ("all" in condition) return { kind: "all", items: condition.all.map(nodeOf) };
  if ("any" in condition) return { kind: "any", items: condition.any.map(nodeOf) };
  if ("not" in condition) {
    const inner = condition.not;
    if ("all" in inner) return { kind: "notAll", items: inner.all.map(nodeOf) };
    if ("any" in inner) return { kind: "none", items: inner.any.map(nodeOf) };
    return { kind: "none", items: [nodeOf(inner)] };
  }
  return { kind: "all", items: [condition] };
}

function nodeOf(condition: Condition): ConditionNode {
  return isPredicate(condition) ? condition : groupOf(condition);
}

/** The API's condition for an editor's group. */
export function conditionOf(group: ConditionGroup): Condition {
  const items = group.items.map((node) => (isGroup(node) ? conditionOf(node) : node));
  switch (group.kind) {
    case "all":
      return { all: items };
    case "any":
      return { any: items };
    case "none":
      return { not: { any: items } };
    case "notAll":
      return { not: { all: items } };
  }
}

/**
 * The API's path of a group's members, for field errors: `conditions.all`, or
 * `conditions.not.any` for a "none of" group.
 */
export function itemsPath(base: string, kind: GroupKind): string {
  switch (kind) {
    case "all":
      return `${base}.all`;
    case "any":
      return `${base}.any`;
    case "none":
      return `${base}.not.any`;
    case "notAll":
      return `${base}.not.all`;
  }
}

/** Every comparison of a group, however deep. */
export function predicatesOf(group: ConditionGroup): Predicate[] {
  return group.items.flatMap((node) => (isGroup(node) ? predicatesOf(node) : [node]));
}
