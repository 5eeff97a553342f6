import "i18next";
import type { Catalogue } from "./index";

// Types t() from sv.json and the shared vocabulary (en.json must have the same keys, checked by i18n.test.ts): an unknown key fails tsc.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Catalogue };
    keySeparator: false;
    nsSeparator: false;
  }
}
