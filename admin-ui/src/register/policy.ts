import type { ReconcilePolicy } from "../api/client";

/** A drift policy as the forms offer it: "" is no override, so the platform's setting applies. */
export type PolicyChoice = "" | NonNullable<ReconcilePolicy>;

export const POLICIES: ReadonlyArray<{ value: PolicyChoice; label: string; hint: string }> = [
  {
    value: "",
    label: "Platform default",
    hint: "No setting of its own: the platform's policy (PLATFORM_API_RECONCILE_POLICY) applies, and follows it when it changes.",
  },
  {
    value: "report",
    label: "Report only",
    hint: "Each check records what differs in AWS and shows it on the system's page; nothing is changed until someone repairs it.",
  },
  {
    value: "repair",
    label: "Repair automatically",
    hint: "Each check also sets drifted resources back and re-creates missing ones; a resource that is no longer the platform's is only reported.",
  },
];

/** The form's choice of a record's policy. */
export function choiceOf(policy: ReconcilePolicy | undefined): PolicyChoice {
  return policy ?? "";
}

/** The request's value of a choice: null is the platform's setting. */
export function policyOf(choice: string): ReconcilePolicy {
  return choice === "report" || choice === "repair" ? choice : null;
}

export function isPolicyChoice(choice: string): choice is PolicyChoice {
  return POLICIES.some((p) => p.value === choice);
}

/** A policy in the words the forms use. */
export function policyLabel(policy: ReconcilePolicy | undefined): string {
  return POLICIES.find((p) => p.value === choiceOf(policy))?.label ?? String(policy);
}
