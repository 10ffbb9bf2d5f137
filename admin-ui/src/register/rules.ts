import type { Draft } from "./draft";
import { METHODS } from "./draft";
import { isPolicyChoice } from "./policy";

/** Field path (the API's own, e.g. `endpoints[0].method`) to what is wrong with it. */
export type FieldErrors = Record<string, string>;

const LONGEST_SUFFIX = "-raw-to-curated".length;
const NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const TABLE = /^[A-Za-z_][A-Za-z0-9_$]{0,127}$/;
const PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%{}/-]{0,254}$/;
const RESERVED = ["xn--", "sthree-", "amzn-s3-demo-"];

/** The longest system name the prefix leaves room for: P-S-raw-to-curated within 63 characters. */
export function maxNameLength(prefix: string): number {
  return 63 - prefix.length - 1 - LONGEST_SUFFIX;
}

/**
 * What the form can tell before sending. The API checks everything again (and more: a name
 * already taken); these checks only spare a round trip and say it at the field.
 */
export function checkDraft(draft: Draft, prefix: string, runtimes: string[]): FieldErrors {
  const errors: FieldErrors = {};
  const nameError = checkName(draft.name, prefix);
  if (nameError) {
    errors["system_name"] = nameError;
  }
  if (draft.description.length > 1024) {
    errors["description"] = `Use at most 1024 characters (now ${draft.description.length})`;
  }
  const seen = new Set<string>();
  draft.dataSources.forEach((table, i) => {
    if (!TABLE.test(table)) {
      errors[`data_sources[${i}]`] =
        "Enter a table name: letters, digits, _ and $, not starting with a digit";
    } else if (seen.has(table)) {
      errors[`data_sources[${i}]`] = `${table} is listed twice`;
    }
    seen.add(table);
  });
  draft.endpoints.forEach((endpoint, i) => {
    if (!PATH.test(endpoint.path)) {
      errors[`endpoints[${i}].path`] = "Enter a path starting with / (URL path characters only)";
    }
    if (!(METHODS as readonly string[]).includes(endpoint.method)) {
      errors[`endpoints[${i}].method`] = "Choose a method";
    }
  });
  range(errors, "lambda_config.memory", draft.memory, 128, 10240, "MiB");
  range(errors, "lambda_config.timeout", draft.timeout, 1, 900, "seconds");
  if (draft.runtime !== "" && !runtimes.includes(draft.runtime)) {
    errors["lambda_config.runtime"] = "Choose one of the runtimes offered";
  }
  // Only a draft kept from another version of the console can hold anything else.
  if (!isPolicyChoice(draft.reconcilePolicy)) {
    errors["reconcile_policy"] = "Choose one of the policies offered";
  }
  return errors;
}

export function checkName(name: string, prefix: string): string | null {
  const max = maxNameLength(prefix);
  if (name === "") {
    return "Enter a system name";
  }
  if (!NAME.test(name)) {
    return "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit";
  }
  if (name.includes("--")) {
    return "Do not use two hyphens in a row";
  }
  const reserved = RESERVED.find((p) => name.startsWith(p));
  if (reserved) {
    return `Do not start the name with ${reserved}`;
  }
  if (name.length > max) {
    return `Use at most ${max} characters with the resource prefix ${prefix} (now ${name.length})`;
  }
  return null;
}

function range(errors: FieldErrors, field: string, value: string, min: number, max: number, unit: string) {
  if (value === "") {
    return;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    errors[field] = `Enter a whole number from ${min} to ${max} (${unit})`;
  }
}
