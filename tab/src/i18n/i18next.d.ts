import "i18next";
import type sv from "./sv.json";

// Types t() from sv.json (en.json must have the same keys, checked by i18n.test.ts): an unknown key fails tsc.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof sv };
    keySeparator: false;
    nsSeparator: false;
  }
}
