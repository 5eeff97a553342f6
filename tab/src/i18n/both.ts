import { enTerms, enWords, svTerms, svWords } from "@fact-board/contract";
import en from "./en.json";
import enAdmin from "./en-admin.json";
import sv from "./sv.json";
import svAdmin from "./sv-admin.json";
import { addAdminWords, addCatalogue } from "./index";
import { termsCatalogue, vocabularyCatalogue } from "./vocabulary";

// For tests only (jsdom, Node): both catalogues at once, synchronously. The app loads one (load.ts).
addCatalogue("sv", { ...sv, ...vocabularyCatalogue(svWords), ...termsCatalogue(svTerms) });
addCatalogue("en", { ...en, ...vocabularyCatalogue(enWords), ...termsCatalogue(enTerms) });
addAdminWords("sv", svAdmin);
addAdminWords("en", enAdmin);
