import { startHost } from "./startup/start-host";

// The page's first script (a few KB, index.html runs it before main.tsx's scripts have arrived).
void startHost();
