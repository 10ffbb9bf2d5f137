import "@testing-library/jest-dom/vitest";
import { afterEach } from "vitest";
import { cleanup, configure } from "@testing-library/react";

// The machine is shared with other builds: waiting for the page (findBy…, waitFor) and a whole
// test may take longer than the libraries' defaults (1 s, 5 s) without anything being wrong.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
