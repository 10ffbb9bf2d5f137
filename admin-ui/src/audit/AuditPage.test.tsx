import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AuditPage } from "./AuditPage";
import { FakeApi, json, renderPage } from "../test/harness";

const SYSTEM = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

function entry(overrides: Record<string, unknown>) {
  return {
    id: 1,
    at: "2026-12-01T09:00:00Z",
    subject: "alice",
    client_id: "platform-admin-ui",
    method: "GET",
    path: "/admin/systems",
    system_id: null,
    status: 200,
    request_id: "r-1",
    source_address: "127.0.0.1",
    ...overrides,
  };
}

describe("AuditPage", () => {
  it("shows refused requests and sends the system, subject and time-range filters", async () => {
    const api = new FakeApi().on("GET", /^\/admin\/audit$/, () =>
      json(200, {
        items: [entry({ id: 2, subject: null, client_id: null, status: 401 }), entry({ id: 1, status: 403, method: "POST" })],
        next_cursor: null,
      }),
    );
    renderPage(<AuditPage />, { api });
    const user = userEvent.setup();
    expect(await screen.findByText("401 refused")).toBeInTheDocument();
    expect(screen.getByText("403 refused")).toBeInTheDocument();
    expect(screen.getByText("no valid token")).toBeInTheDocument();

    await user.type(screen.getByLabelText("System id"), SYSTEM);
    await user.type(screen.getByLabelText("Subject"), "alice");
    await user.type(screen.getByLabelText("From (your local time)"), "2026-12-01T10:00:00");
    await user.type(screen.getByLabelText("Until (your local time, exclusive)"), "2026-12-01T11:30:00");
    await user.click(screen.getByRole("button", { name: "Apply filters" }));

    await vi.waitFor(() => expect(api.requests).toHaveLength(2));
    const query = new URL(api.requests[1]!.url).searchParams;
    expect(query.get("system_id")).toBe(SYSTEM);
    expect(query.get("subject")).toBe("alice");
    expect(query.get("from")).toBe(new Date("2026-12-01T10:00:00").toISOString());
    expect(query.get("to")).toBe(new Date("2026-12-01T11:30:00").toISOString());
  });

  it("refuses a system id that is not one before asking the API", async () => {
    const api = new FakeApi().on("GET", /^\/admin\/audit$/, () => json(200, { items: [], next_cursor: null }));
    renderPage(<AuditPage />, { api });
    const user = userEvent.setup();
    await screen.findByText("No request matches these filters.");

    await user.type(screen.getByLabelText("System id"), "forecast");
    await user.click(screen.getByRole("button", { name: "Apply filters" }));

    expect(screen.getByRole("alert")).toHaveTextContent("Enter a system id");
    expect(api.requests).toHaveLength(1);
  });
});
