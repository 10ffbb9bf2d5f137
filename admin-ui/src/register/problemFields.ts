import type { Problem } from "../api/client";
import type { FieldErrors } from "./rules";
import { describeCheck } from "./PlanPreview";

const DUPLICATE_NAME = "https://aiplatform.io/problems/duplicate-name";

/** Where the API's errors go: at a field of the form, or (for fields it has none of) above it. */
export interface PlacedErrors {
  fields: FieldErrors;
  unplaced: string[];
}

/**
 * Maps a refusal onto the form. The API names fields by JSON path (`system_name`,
 * `data_sources[2]`, `endpoints[0].method`, `lambda_config.memory`), which is how the form names
 * its fields too; a 409 for a taken name belongs at the name.
 */
export function placeProblem(problem: Problem, formFields: ReadonlySet<string>): PlacedErrors {
  const fields: FieldErrors = {};
  const unplaced: string[] = [];
  if (problem.type === DUPLICATE_NAME) {
    fields["system_name"] = problem.detail;
    return { fields, unplaced };
  }
  for (const violation of problem.errors ?? []) {
    const target = closestField(violation.field, formFields);
    if (target) {
      fields[target] = fields[target] ? `${fields[target]}; ${violation.message}` : violation.message;
    } else {
      unplaced.push(`${violation.field} ${violation.message}`);
    }
  }
  if (!problem.errors?.length) {
    unplaced.push(problem.detail ?? problem.title);
  }
  // A 409 precondition-failed of a registration names each pre-check that failed.
  for (const check of problem.checks ?? []) {
    if (!check.passed) {
      unplaced.push(describeCheck(check));
    }
  }
  return { fields, unplaced };
}

/** `endpoints[3]` has no input of its own: its first field stands for it; `data_sources` too. */
function closestField(path: string, formFields: ReadonlySet<string>): string | null {
  if (formFields.has(path)) {
    return path;
  }
  for (const suffix of [".path", "[0]"]) {
    if (formFields.has(path + suffix)) {
      return path + suffix;
    }
  }
  return formFields.has(`${path}-group`) ? `${path}-group` : null;
}

/** The id of the element that shows a field, for labels, links from the summary, and focus. */
export function fieldId(path: string): string {
  return "f-" + path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "");
}
