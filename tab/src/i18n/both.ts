import en from "./en.json";
import sv from "./sv.json";
import { addCatalogue } from "./index";

// For tests only (jsdom, Node): both catalogues at once, synchronously. The app loads one (load.ts).
addCatalogue("sv", sv);
addCatalogue("en", en);
