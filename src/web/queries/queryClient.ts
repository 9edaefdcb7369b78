// The app's server-state cache. Failures show at once with a retry button (no silent retries),
// and data is read again when a screen mounts, a mutation or the live stream invalidates it.

import { QueryClient } from "@tanstack/react-query";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
