import { startHost } from "./startup/start-host";

// The page's script (a few KB): it starts the board's request and, inside Teams, meets the host
// before the application runs. main.tsx (React, Fluent, the shell) downloads beside it from the
// start (index.html preloads it) but is evaluated only then: evaluating it takes the main thread
// for about a tenth of a second, which would hold up Teams' answers and with them the token.
void startHost().then(
  () => import("./main"),
  () => import("./main"),
);
