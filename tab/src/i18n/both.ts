import { enWords, svWords } from "@fact-board/contract";
import en from "./en.json";
import sv from "./sv.json";
import { addCatalogue } from "./index";
import { vocabularyCatalogue } from "./vocabulary";

// For tests only (jsdom, Node): both catalogues at once, synchronously. The app loads one (load.ts).
addCatalogue("sv", { ...sv, ...vocabularyCatalogue(svWords) });
addCatalogue("en", { ...en, ...vocabularyCatalogue(enWords) });
