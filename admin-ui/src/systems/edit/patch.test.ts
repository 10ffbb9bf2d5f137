import { changedFields, draftOf, rebase, toPatch } from "./patch";
import { system } from "../../test/harness";
import type { SystemRecord } from "../../api/client";

const record = system({
  description: "Forecasts",
  data_sources: ["orders"],
  endpoints: [{ path: "/forecast", method: "GET" }],
  lambda_config: { memory: 512, timeout: 30, runtime: "python3.12" },
}) as unknown as SystemRecord;

describe("the merge patch of an edit", () => {
  it("is empty when nothing changed", () => {
    expect(toPatch(record, draftOf(record))).toEqual({});
  });

  it("carries only the members that changed, lists whole and a Lambda setting by itself", () => {
    const draft = { ...draftOf(record), dataSources: ["orders", "stores"], memory: "1024" };
    expect(toPatch(record, draft)).toEqual({ data_sources: ["orders", "stores"], lambda_config: { memory: 1024 } });
  });

  it("removes what was cleared with null, and sends an emptied list as []", () => {
    const draft = { ...draftOf(record), description: "", endpoints: [], runtime: "" };
    expect(toPatch(record, draft)).toEqual({ description: null, endpoints: [], lambda_config: { runtime: null } });
    const noLambda = { ...draftOf(record), memory: "", timeout: "", runtime: "" };
    expect(toPatch(record, noLambda)).toEqual({ lambda_config: null });
  });

  it("names the fields another version changed", () => {
    const other = { ...record, description: "Changed", lambda_config: { memory: 2048, timeout: 30, runtime: "python3.12" } } as SystemRecord;
    expect(changedFields(record, other)).toEqual(["description", "lambda_config.memory"]);
  });

  it("moves a draft onto a newer version: untouched fields take its values, edited ones keep the admin's", () => {
    const other = { ...record, description: "Changed", lambda_config: { memory: 2048, timeout: 60, runtime: "python3.12" } } as SystemRecord;
    const draft = { ...draftOf(record), memory: "1024" };
    const moved = rebase(draft, record, other);
    expect(moved).toMatchObject({ description: "Changed", memory: "1024", timeout: "60", dataSources: ["orders"] });
    expect(toPatch(other, moved)).toEqual({ lambda_config: { memory: 1024 } });
  });
  it("sends the drift policy only when it changed, null when set back to the platform default", () => {
    const repairing = { ...record, reconcile_policy: "repair" } as SystemRecord;
    expect(draftOf(repairing).reconcilePolicy).toBe("repair");
    expect(toPatch(repairing, draftOf(repairing))).toEqual({});
    expect(toPatch(repairing, { ...draftOf(repairing), reconcilePolicy: "" })).toEqual({ reconcile_policy: null });
    expect(toPatch(repairing, { ...draftOf(repairing), reconcilePolicy: "report" })).toEqual({ reconcile_policy: "report" });
    expect(toPatch(record, { ...draftOf(record), reconcilePolicy: "repair" })).toEqual({ reconcile_policy: "repair" });
    expect(changedFields(record, repairing)).toEqual(["reconcile_policy"]);
  });
});
