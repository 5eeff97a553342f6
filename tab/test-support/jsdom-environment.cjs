/* eslint-disable @typescript-eslint/no-require-imports -- Jest loads test environments as CommonJS. */
// A minimal Jest environment on jsdom, because jest-environment-jsdom is not installed here (only
// jsdom is). Use with `/** @jest-environment ./tab/test-support/jsdom-environment.cjs */`; once
// jest-environment-jsdom is added, `@jest-environment jsdom` replaces it.
const { JSDOM, VirtualConsole } = require("jsdom");
const { LegacyFakeTimers, ModernFakeTimers } = require("@jest/fake-timers");
const { ModuleMocker } = require("jest-mock");
const { installCommonGlobals } = require("jest-util");

class JsdomEnvironment {
  constructor(config) {
    const { projectConfig } = config;
    const virtualConsole = new VirtualConsole();
    virtualConsole.forwardTo(console, { omitJSDOMErrors: true });
    this.dom = new JSDOM("<!DOCTYPE html><html><head></head><body></body></html>", {
      pretendToBeVisual: true,
      runScripts: "dangerously",
      url: "http://localhost/",
      virtualConsole,
    });
    const global = (this.global = this.dom.window);
    global.global = global;
    installCommonGlobals(global, projectConfig.globals);
    // React's act() environment flag, and what jsdom lacks that Fluent touches.
    global.IS_REACT_ACT_ENVIRONMENT = true;
    global.matchMedia ??= () => ({ matches: false, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} });
    global.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    this.moduleMocker = new ModuleMocker(global);
    this.fakeTimers = new LegacyFakeTimers({
      config: projectConfig,
      global,
      moduleMocker: this.moduleMocker,
      timerConfig: { idToRef: (id) => id, refToId: (ref) => ref },
    });
    this.fakeTimersModern = new ModernFakeTimers({ config: projectConfig, global });
  }

  async setup() {}

  async teardown() {
    this.fakeTimers?.dispose();
    this.fakeTimersModern?.dispose();
    this.global?.close();
    this.dom = null;
    this.global = null;
  }

  exportConditions() {
    return ["browser"];
  }

  getVmContext() {
    return this.dom ? this.dom.getInternalVMContext() : null;
  }
}

module.exports = JsdomEnvironment;
