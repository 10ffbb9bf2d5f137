import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RegisterForm } from "./RegisterForm";
import { FakeApi, json, renderPage } from "../test/harness";

const VALIDATION = "https://aiplatform.io/problems/validation";

function field(label: string) {
  return screen.getByLabelText(label);
}

function errorOf(label: string): string | null {
  const control = field(label);
  const ids = (control.getAttribute("aria-describedby") ?? "").split(" ");
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.className === "field-error");
  return error?.textContent?.replace(/^Error: /, "") ?? null;
}

describe("RegisterForm", () => {
  it("checks the name's shape before sending anything", async () => {
    const api = new FakeApi();
    renderPage(<RegisterForm onRegistered={() => {}} />, { api });
    const user = userEvent.setup();

    await user.type(field("System name"), "Bad_Name");
    await user.click(screen.getByRole("button", { name: "Register system" }));

    expect(field("System name")).toHaveAttribute("aria-invalid", "true");
    expect(errorOf("System name")).toMatch(/lowercase letters, digits and hyphens/);
    expect(screen.getByRole("alert")).toHaveTextContent("Check these fields");
    expect(api.requests).toHaveLength(0);
  });

  it("allows the name length the configured prefix leaves", async () => {
    const api = new FakeApi().on("POST", /^\/admin\/systems$/, () => json(201, { system_id: "id-1" }));
    const registered = vi.fn();
    renderPage(<RegisterForm onRegistered={registered} />, { api, config: { resourcePrefix: "a-much-longer-prefix" } });
    const user = userEvent.setup();

    await user.type(field("System name"), "a".repeat(28));
    await user.click(screen.getByRole("button", { name: "Register system" }));
    expect(errorOf("System name")).toMatch(/at most 27 characters with the resource prefix a-much-longer-prefix/);

    await user.clear(field("System name"));
    await user.type(field("System name"), "a".repeat(27));
    await user.click(screen.getByRole("button", { name: "Register system" }));
    expect(registered).toHaveBeenCalledWith("id-1");
  });

  it("sends every field and shows each field error of the API's problem at its field", async () => {
    const api = new FakeApi().on("POST", /^\/admin\/systems$/, () =>
      json(400, {
        type: VALIDATION,
        title: "Invalid request",
        status: 400,
        detail: "The request has invalid fields; see errors.",
        errors: [
          { field: "data_sources[1]", message: "is listed twice" },
          { field: "endpoints[0].method", message: "must be one of [ANY, DELETE, GET]" },
          { field: "lambda_config.memory", message: "must be between 128 and 10240" },
          { field: "owner", message: "is not a known field" },
        ],
      }),
    );
    renderPage(<RegisterForm onRegistered={() => {}} />, { api });
    const user = userEvent.setup();
    await user.type(field("System name"), "forecast");
    await user.type(field("Description (optional)"), "Demand forecasting");
    await user.click(screen.getByRole("button", { name: "Add a table" }));
    await user.type(field("Table 1"), "orders");
    await user.click(screen.getByRole("button", { name: "Add a table" }));
    await user.type(field("Table 2"), "stores");
    await user.click(screen.getByRole("button", { name: "Add an endpoint" }));
    await user.clear(field("Endpoint 1 path"));
    await user.type(field("Endpoint 1 path"), "/forecast");
    await user.selectOptions(field("Endpoint 1 method"), "POST");
    await user.type(field("Memory (MiB)"), "2048");
    await user.type(field("Timeout (seconds)"), "60");
    await user.selectOptions(field("Runtime"), "python3.12");

    await user.click(screen.getByRole("button", { name: "Register system" }));

    const sent = await api.calls("POST", /^\/admin\/systems$/)[0]!.json();
    expect(sent).toEqual({
      system_name: "forecast",
      description: "Demand forecasting",
      data_sources: ["orders", "stores"],
      endpoints: [{ path: "/forecast", method: "POST" }],
      lambda_config: { memory: 2048, timeout: 60, runtime: "python3.12" },
    });
    expect(errorOf("Table 2")).toBe("is listed twice");
    expect(errorOf("Endpoint 1 method")).toBe("must be one of [ANY, DELETE, GET]");
    expect(errorOf("Memory (MiB)")).toBe("must be between 128 and 10240");
    expect(errorOf("Table 1")).toBeNull();
    const summary = screen.getByRole("alert");
    expect(within(summary).getByText("owner is not a known field")).toBeInTheDocument();
    expect(summary).toHaveTextContent("The API refused the registration: Invalid request");
  });

  it("shows a 409 for a taken name at the name", async () => {
    const api = new FakeApi().on("POST", /^\/admin\/systems$/, () =>
      json(409, {
        type: "https://aiplatform.io/problems/duplicate-name",
        title: "Duplicate system name",
        status: 409,
        detail: "A system named forecast is already registered.",
      }),
    );
    renderPage(<RegisterForm onRegistered={() => {}} />, { api });
    const user = userEvent.setup();
    await user.type(field("System name"), "forecast");

    await user.click(screen.getByRole("button", { name: "Register system" }));

    expect(await screen.findByText("A system named forecast is already registered.")).toBeInTheDocument();
    expect(errorOf("System name")).toBe("A system named forecast is already registered.");
  });

  it("sends a retried body with the same Idempotency-Key and a changed one with a new key", async () => {
    let answer = 503;
    const api = new FakeApi().on("POST", /^\/admin\/systems$/, () =>
      json(answer, { type: "https://aiplatform.io/problems/unavailable", title: "Service Unavailable", status: answer, detail: "busy" }),
    );
    renderPage(<RegisterForm onRegistered={() => {}} />, { api });
    const user = userEvent.setup();
    await user.type(field("System name"), "forecast");
    await user.click(screen.getByRole("button", { name: "Register system" }));
    await user.click(screen.getByRole("button", { name: "Register system" }));
    await user.type(field("System name"), "-two");
    answer = 500;
    await user.click(screen.getByRole("button", { name: "Register system" }));

    const keys = api.calls("POST", /^\/admin\/systems$/).map((r) => r.headers.get("Idempotency-Key"));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("previews the plan of the form's body (dry run): each resource's action and each check", async () => {
    const api = new FakeApi().on("POST", /^\/admin\/systems$/, (_, url) =>
      url.searchParams.get("dry_run") === "true"
        ? json(200, {
            would_succeed: false,
            plan: [
              { kind: "s3_bucket", name: "p-forecast-raw", action: "conflict", settings: {} },
              { kind: "s3_bucket", name: "p-forecast-curated", action: "create", settings: { versioning: "Enabled" } },
              { kind: "glue_database", name: "p_forecast_db", action: "adopt", settings: {} },
            ],
            checks: [
              { check: "bucket_name_free", resource: "p-forecast-raw", passed: false, detail: "owned by another account (HeadBucket 403)" },
              { check: "bucket_name_free", resource: "p-forecast-curated", passed: true, detail: "" },
            ],
          })
        : json(500, { type: "https://aiplatform.io/problems/internal", title: "no", status: 500, detail: "not expected" }),
    );
    const registered = vi.fn();
    renderPage(<RegisterForm onRegistered={registered} />, { api });
    const user = userEvent.setup();
    await user.type(field("System name"), "forecast");

    await user.click(screen.getByRole("button", { name: "Preview plan" }));

    const heading = await screen.findByRole("heading", { name: "Plan preview" });
    await waitFor(() => expect(heading).toHaveFocus());
    const call = api.calls("POST", /^\/admin\/systems$/)[0]!;
    expect(new URL(call.url).searchParams.get("dry_run")).toBe("true");
    expect(await call.json()).toEqual({ system_name: "forecast" });
    expect(screen.getByTestId("plan-verdict")).toHaveTextContent("would be refused: 1 check failed");
    const plan = screen.getByRole("table", { name: "What the registration would do to each resource" });
    expect(within(plan).getAllByRole("row").slice(1).map((r) => r.textContent)).toEqual([
      "S3 bucketp-forecast-rawConflict",
      "S3 bucketp-forecast-curatedCreate",
      "Glue databasep_forecast_dbAdopt",
    ]);
    const checks = screen.getByRole("table", { name: "Checks against AWS (read calls only)" });
    expect(within(checks).getAllByRole("row")[1]).toHaveTextContent("bucket_name_freep-forecast-rawFailedowned by another account (HeadBucket 403)");
    expect(within(checks).getAllByRole("row")[2]).toHaveTextContent("Passed");
    expect(registered).not.toHaveBeenCalled();

    await user.type(field("System name"), "-two");
    expect(screen.getByText("The form has changed since this plan was made: preview it again.")).toBeInTheDocument();
  });

  it("shows a dry run's 400 at the field", async () => {
    const api = new FakeApi().on("POST", /^\/admin\/systems$/, () =>
      json(400, { type: VALIDATION, title: "Invalid request", status: 400, detail: "see errors", errors: [{ field: "description", message: "is too long" }] }),
    );
    renderPage(<RegisterForm onRegistered={() => {}} />, { api });
    const user = userEvent.setup();
    await user.type(field("System name"), "forecast");
    await user.click(screen.getByRole("button", { name: "Preview plan" }));
    expect(await screen.findByText("The API refused the plan: Invalid request")).toBeInTheDocument();
    expect(errorOf("Description (optional)")).toBe("is too long");
  });

  it("shows each failed check of a registration refused with 409 precondition-failed", async () => {
    const api = new FakeApi().on("POST", /^\/admin\/systems$/, () =>
      json(409, {
        type: "https://aiplatform.io/problems/precondition-failed",
        title: "Precondition failed",
        status: 409,
        detail: "The registration cannot succeed: 2 pre-checks failed.",
        checks: [
          { check: "bucket_name_free", resource: "p-forecast-raw", passed: false, detail: "owned by another account" },
          { check: "bucket_name_free", resource: "p-forecast-prod", passed: false, detail: "exists in this account and is not ours" },
        ],
      }),
    );
    renderPage(<RegisterForm onRegistered={() => {}} />, { api });
    const user = userEvent.setup();
    await user.type(field("System name"), "forecast");
    await user.click(screen.getByRole("button", { name: "Register system" }));

    const summary = await screen.findByRole("alert");
    expect(summary).toHaveTextContent("The API refused the registration: Precondition failed");
    expect(within(summary).getByText("Check failed: bucket_name_free (p-forecast-raw): owned by another account")).toBeInTheDocument();
    expect(within(summary).getByText("Check failed: bucket_name_free (p-forecast-prod): exists in this account and is not ours")).toBeInTheDocument();
  });
  describe("the drift policy", () => {
    it("is a labelled radio group, each choice with its hint; the platform default is chosen and sends no override", async () => {
      const api = new FakeApi().on("POST", /^\/admin\/systems$/, () => json(201, { system_id: "id-1" }));
      renderPage(<RegisterForm onRegistered={() => {}} />, { api });
      const user = userEvent.setup();
      const group = screen.getByRole("group", { name: "Drift policy" });
      expect(group).toHaveAccessibleDescription(/differ from the registration/);
      const radios = within(group).getAllByRole("radio");
      expect(radios.map((r) => r.closest(".choice")?.querySelector("label")?.textContent)).toEqual([
        "Platform default",
        "Report only",
        "Repair automatically",
      ]);
      expect(field("Platform default")).toBeChecked();
      expect(field("Platform default")).toHaveAccessibleDescription(/PLATFORM_API_RECONCILE_POLICY/);
      expect(field("Report only")).toHaveAccessibleDescription(/nothing is changed/);
      expect(field("Repair automatically")).toHaveAccessibleDescription(/re-creates missing ones/);

      await user.type(field("System name"), "forecast");
      await user.click(screen.getByRole("button", { name: "Register system" }));
      expect(await api.calls("POST", /^\/admin\/systems$/)[0]!.json()).toEqual({ system_name: "forecast" });
    });

    it("is chosen with the keyboard and sent in the dry run (shown in the preview) and the registration", async () => {
      const api = new FakeApi().on("POST", /^\/admin\/systems$/, (_, url) =>
        url.searchParams.get("dry_run") === "true" ? json(200, { would_succeed: true, plan: [], checks: [] }) : json(201, { system_id: "id-1" }),
      );
      const registered = vi.fn();
      renderPage(<RegisterForm onRegistered={registered} />, { api });
      const user = userEvent.setup();
      await user.type(field("System name"), "forecast");
      field("Platform default").focus();
      await user.keyboard("{ArrowDown}{ArrowDown}");
      expect(field("Repair automatically")).toBeChecked();
      expect(field("Repair automatically")).toHaveFocus();

      await user.click(screen.getByRole("button", { name: "Preview plan" }));
      expect(await screen.findByTestId("plan-policy")).toHaveTextContent("Drift policy: Repair automatically.");
      await user.click(screen.getByRole("button", { name: "Register system" }));

      const [dryRun, registration] = api.calls("POST", /^\/admin\/systems$/);
      expect(await dryRun!.json()).toEqual({ system_name: "forecast", reconcile_policy: "repair" });
      expect(await registration!.json()).toEqual({ system_name: "forecast", reconcile_policy: "repair" });
      expect(registered).toHaveBeenCalledWith("id-1");
    });

    it("shows the API's error on reconcile_policy at the group", async () => {
      const api = new FakeApi().on("POST", /^\/admin\/systems$/, () =>
        json(400, {
          type: VALIDATION,
          title: "Invalid request",
          status: 400,
          detail: "see errors",
          errors: [{ field: "reconcile_policy", message: "must be report or repair" }],
        }),
      );
      renderPage(<RegisterForm onRegistered={() => {}} />, { api });
      const user = userEvent.setup();
      await user.type(field("System name"), "forecast");
      await user.click(field("Report only"));
      await user.click(screen.getByRole("button", { name: "Register system" }));

      const summary = await screen.findByRole("alert");
      const link = within(summary).getByRole("link", { name: "Drift policy: must be report or repair" });
      const group = screen.getByRole("group", { name: "Drift policy" });
      expect(link).toHaveAttribute("href", `#${group.id}`);
      expect(group).toHaveAccessibleDescription(/must be report or repair/);
      expect(errorOf("Report only")).toBe("must be report or repair");
      expect(field("Report only")).toHaveAttribute("aria-invalid", "true");
      expect(within(summary).queryByText(/reconcile_policy/)).not.toBeInTheDocument();
    });

    it("is kept in the draft, so a sign-in again loses it no more than the other fields", async () => {
      renderPage(<RegisterForm onRegistered={() => {}} />);
      const user = userEvent.setup();
      await user.click(field("Repair automatically"));
      expect(JSON.parse(sessionStorage.getItem("admin-ui.register-draft") ?? "{}")).toMatchObject({ reconcilePolicy: "repair" });
    });
  });
});
