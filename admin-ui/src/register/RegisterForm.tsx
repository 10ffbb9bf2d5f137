import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useApp } from "../AppContext";
import { asProblem, type DryRun, type Problem, type RegistrationRequest } from "../api/client";
import { DEFAULT_RUNTIMES, EMPTY_DRAFT, clearDraft, loadDraft, saveDraft, toRequest, type Draft } from "./draft";
import { checkDraft, maxNameLength, type FieldErrors } from "./rules";
import { placeProblem } from "./problemFields";
import { Field } from "./Field";
import { ConfigurationFields, fieldsOf } from "./ConfigurationFields";
import { ErrorSummary } from "./ErrorSummary";
import { PlanPreview } from "./PlanPreview";

interface Props {
  onRegistered: (systemId: string) => void;
}

/**
 * Every field of a registration. Checks what it can before sending, then shows each error the API
 * names at its field. The draft is kept in the tab, so an expired sign-in loses nothing.
 */
export function RegisterForm({ onRegistered }: Props) {
  const { api, config } = useApp();
  const runtimes = config.lambdaRuntimes ?? DEFAULT_RUNTIMES;
  const [draft, setDraft] = useState<Draft>(() => loadDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState<"register" | "preview" | null>(null);
  const [plan, setPlan] = useState<{ body: string; request: RegistrationRequest; result: DryRun } | null>(null);
  const planHeading = useRef<HTMLHeadingElement>(null);
  const [shown, setShown] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const max = maxNameLength(config.resourcePrefix);

  useEffect(() => saveDraft(draft), [draft]);
  // A new plan takes the focus, as a new page would.
  const planResult = plan?.result;
  useEffect(() => {
    if (planResult) {
      planHeading.current?.focus();
    }
  }, [planResult]);
  const formFields = useMemo(() => fieldsOf(draft), [draft]);
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const [refused, setRefused] = useState<"registration" | "plan">("registration");
  const showErrors = (fields: FieldErrors, other: string[], refusal: Problem | null, what: "registration" | "plan" = "registration") => {
    setErrors(fields);
    setUnplaced(other);
    setProblem(refusal);
    setRefused(what);
    setShown((n) => n + 1);
  };
  // Right after the summary renders, before anything else can take the focus.
  useEffect(() => {
    if (shown > 0) {
      summary.current?.focus();
    }
  }, [shown]);

  /** The form's own checks; false (and the errors shown) when they fail. */
  const checked = () => {
    const found = checkDraft(draft, config.resourcePrefix, runtimes);
    if (Object.keys(found).length > 0) {
      showErrors(found, [], null);
      return false;
    }
    return true;
  };

  // A dry run of the same body: the plan and the pre-checks; nothing is stored or queued.
  const preview = async () => {
    if (!checked()) {
      return;
    }
    const body = toRequest(draft);
    setSending("preview");
    const { data, error, response } = await api.POST("/admin/systems", { body, params: { query: { dry_run: true } } });
    setSending(null);
    // The document gives one 2xx body for both answers of POST: a dry run's has the verdict.
    if (data && "would_succeed" in data) {
      showErrors({}, [], null);
      setShown(0);
      setPlan({ body: JSON.stringify(body), request: body, result: data });
      return;
    }
    const refusal = asProblem(error, response.status);
    const placed = placeProblem(refusal, formFields);
    setPlan(null);
    showErrors(placed.fields, placed.unplaced, refusal, "plan");
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked()) {
      return;
    }
    const body = toRequest(draft);
    const json = JSON.stringify(body);
    // The same body keeps its Idempotency-Key, so a retried send cannot register twice.
    if (attempt.current?.body !== json) {
      attempt.current = { body: json, key: crypto.randomUUID() };
    }
    setSending("register");
    const { data, error, response } = await api.POST("/admin/systems", {
      body,
      params: { header: { "Idempotency-Key": attempt.current.key } },
    });
    setSending(null);
    // The document gives one 2xx body for both answers of POST: a registration's has the id.
    if (data && "system_id" in data) {
      clearDraft();
      onRegistered(data.system_id);
      return;
    }
    const refusal = asProblem(error, response.status);
    const placed = placeProblem(refusal, formFields);
    showErrors(placed.fields, placed.unplaced, refusal);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-describedby="register-intro">
      <p id="register-intro">
        Registers the system and starts provisioning its buckets, Glue database and crawler,
        EventBridge rule and, for its data sources, DMS replication. Fields marked optional can be
        left empty.
      </p>
      <ErrorSummary
        ref={summary}
        title={problem ? `The API refused the ${refused}: ${problem.title}` : "Check these fields"}
        errors={errors}
        unplaced={unplaced}
      />

      <Field
        path="system_name"
        label="System name"
        error={errors["system_name"]}
        hint={`Lowercase letters, digits and single hyphens; at most ${max} characters. Its resources are named ${config.resourcePrefix}-NAME-raw, ${config.resourcePrefix}_NAME_db, …`}
      >
        {(p) => (
          <input {...p} value={draft.name} autoComplete="off" spellCheck={false} onChange={(e) => update({ name: e.target.value })} />
        )}
      </Field>

      <ConfigurationFields draft={draft} update={update} errors={errors} runtimes={runtimes} />

      <div className="actions">
        <button type="submit" className="button primary" disabled={sending !== null}>
          {sending === "register" ? "Registering…" : "Register system"}
        </button>
        <button type="button" className="button" disabled={sending !== null} onClick={() => void preview()}>
          {sending === "preview" ? "Previewing…" : "Preview plan"}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(EMPTY_DRAFT);
            setErrors({});
            setUnplaced([]);
            setProblem(null);
            setPlan(null);
          }}
        >
          Clear the form
        </button>
      </div>
      {plan && <PlanPreview ref={planHeading} plan={plan.result} policy={plan.request.reconcile_policy ?? null} stale={plan.body !== JSON.stringify(toRequest(draft))} />}
    </form>
  );
}
