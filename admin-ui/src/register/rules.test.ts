import { checkDraft, checkName, maxNameLength } from "./rules";
import { EMPTY_DRAFT } from "./draft";

describe("the register form's own checks", () => {
  it("leaves room for the longest resource name under the configured prefix", () => {
    expect(maxNameLength("platform")).toBe(39);
    expect(maxNameLength("p")).toBe(46);
    expect(checkName("a".repeat(39), "platform")).toBeNull();
    expect(checkName("a".repeat(40), "platform")).toMatch(/at most 39 characters/);
  });

  it("refuses names that cannot become bucket, Glue and rule names", () => {
    expect(checkName("", "platform")).toMatch(/Enter a system name/);
    expect(checkName("Bad_Name", "platform")).toMatch(/lowercase letters/);
    expect(checkName("-lead", "platform")).toMatch(/lowercase letters/);
    expect(checkName("two--hyphens", "platform")).toMatch(/two hyphens/);
    expect(checkName("sthree-data", "platform")).toMatch(/sthree-/);
    expect(checkName("inventory-optimizer", "platform")).toBeNull();
  });

  it("names each bad row and value by the API's field path", () => {
    const errors = checkDraft(
      {
        ...EMPTY_DRAFT,
        name: "ok-name",
        dataSources: ["orders", "9bad", "orders"],
        endpoints: [{ path: "no-slash", method: "GET" }],
        memory: "64",
        timeout: "1.5",
      },
      "platform",
      ["python3.12"],
    );
    expect(Object.keys(errors).sort()).toEqual([
      "data_sources[1]",
      "data_sources[2]",
      "endpoints[0].path",
      "lambda_config.memory",
      "lambda_config.timeout",
    ]);
  });
  it("refuses a drift policy the form does not offer (a draft kept from another version)", () => {
    const kept = { ...EMPTY_DRAFT, name: "ok-name", reconcilePolicy: "sometimes" } as unknown as typeof EMPTY_DRAFT;
    expect(checkDraft(kept, "platform", [])).toEqual({ reconcile_policy: "Choose one of the policies offered" });
    expect(checkDraft({ ...EMPTY_DRAFT, name: "ok-name", reconcilePolicy: "repair" }, "platform", [])).toEqual({});
  });
});
