import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useApp } from "../AppContext";
import { asProblem, type AuditEntry, type Problem } from "../api/client";
import { usePage } from "../ui/usePage";
import { ProblemBanner } from "../ui/ProblemBanner";
import { formatTime } from "../ui/format";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** datetime-local (the reader's zone) to an ISO instant, and back. */
function toInstant(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

function outcome(status: number): string {
  return status === 401 || status === 403 ? "refused" : status >= 400 ? "error" : "done";
}

/** Who did what, when, with what outcome; refused requests included. */
export function AuditPage({ pageSize = 50 }: { pageSize?: number }) {
  const { api } = useApp();
  const heading = usePage("Audit log");
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState(() => ({
    system_id: params.get("system_id") ?? "",
    subject: params.get("subject") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  }));
  const [formError, setFormError] = useState<string | null>(null);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const cursor = cursors[cursors.length - 1];
  const query = params.toString();

  const load = useCallback(async () => {
    const q = new URLSearchParams(query);
    const { data, error, response } = await api.GET("/admin/audit", {
      params: {
        query: {
          limit: pageSize,
          cursor: cursor === undefined ? undefined : Number(cursor),
          system_id: q.get("system_id") || undefined,
          subject: q.get("subject") || undefined,
          from: toInstant(q.get("from") ?? ""),
          to: toInstant(q.get("to") ?? ""),
        },
      },
    });
    if (!data) {
      setProblem(asProblem(error, response.status));
      setItems([]);
      return;
    }
    setProblem(null);
    setItems(data.items);
    setNext(data.next_cursor ?? null);
  }, [api, pageSize, cursor, query]);

  useEffect(() => {
    void load();
  }, [load]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (form.system_id && !UUID.test(form.system_id)) {
      setFormError("Enter a system id like 3f2c…-…, as shown on the system's page");
      return;
    }
    if (form.from && form.to && form.from >= form.to) {
      setFormError("The end of the time range must be after its start");
      return;
    }
    setFormError(null);
    setItems(null);
    setCursors([undefined]);
    setParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v !== "")));
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Audit log
      </h1>
      <p>Every request to the API, newest first, refused ones included.</p>
      <form className="filters" onSubmit={apply} aria-label="Filter the audit log" noValidate>
        <div className="field">
          <label htmlFor="audit-system">System id</label>
          <input id="audit-system" value={form.system_id} onChange={set("system_id")} spellCheck={false} aria-describedby={formError ? "audit-filter-error" : undefined} />
        </div>
        <div className="field">
          <label htmlFor="audit-subject">Subject</label>
          <input id="audit-subject" value={form.subject} onChange={set("subject")} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">From (your local time)</label>
          <input id="audit-from" type="datetime-local" step={1} value={form.from} onChange={set("from")} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">Until (your local time, exclusive)</label>
          <input id="audit-to" type="datetime-local" step={1} value={form.to} onChange={set("to")} />
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            Apply filters
          </button>
        </div>
        {formError && (
          <p className="field-error" id="audit-filter-error" role="alert">
            {formError}
          </p>
        )}
      </form>
      <ProblemBanner problem={problem} />
      {items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p>No request matches these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="table stack">
            <caption className="visually-hidden">Audited requests, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Subject</th>
                <th scope="col">Request</th>
                <th scope="col">Outcome</th>
                <th scope="col">System</th>
                <th scope="col">Request id</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td data-label="When">{formatTime(e.at)}</td>
                  <td data-label="Subject">{e.subject ?? <em>no valid token</em>}{e.client_id && <div className="muted">{e.client_id}</div>}</td>
                  <td data-label="Request">
                    <code>
                      {e.method} {e.path}
                    </code>
                  </td>
                  <td data-label="Outcome">
                    <span className={`badge ${e.status >= 400 ? "failed" : "ok"}`}>
                      {e.status} {outcome(e.status)}
                    </span>
                  </td>
                  <td data-label="System">{e.system_id ? <Link to={`/systems/${e.system_id}`}>{e.system_id.slice(0, 8)}</Link> : "—"}</td>
                  <td data-label="Request id">
                    <code className="small">{e.request_id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Pages of the audit log">
        <button type="button" className="button" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {cursors.length}</span>
        <button type="button" className="button" disabled={!next} onClick={() => next && setCursors((c) => [...c, next])}>
          Next page
        </button>
      </nav>
    </>
  );
}
