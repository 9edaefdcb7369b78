// Entry point of the browser app: the server-state cache, the language, the session and the
// address around the app, and the styles.

import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { App } from "./App.js";
import { I18nProvider } from "./i18n/I18nProvider.js";
import { createQueryClient } from "./queries/queryClient.js";
import { SessionProvider } from "./session/SessionProvider.js";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

const queryClient = createQueryClient();
// A data router (one catch-all route; the screens' own <Routes> do the rest), so that an editor
// can hold a navigation while it has unsaved edits (useBlocker).
const router = createBrowserRouter([{ path: "*", element: <App /> }]);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
