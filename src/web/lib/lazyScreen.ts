// A screen loaded in its own chunk the first time it is shown (React.lazy over a named export).

import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/** The component `name` from the module `load` imports, rendered once its chunk has arrived. */
export function lazyScreen<Props extends object, Name extends string>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(async (): Promise<{ default: ComponentType<Props> }> => ({ default: (await load())[name] }));
}
