import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useApp } from "../AppContext";
import { asProblem, isPending, type Problem, type SystemRecord, type TimelineEntry } from "../api/client";
import { usePage } from "../ui/usePage";
import { StatusBadge, statusLabel } from "../ui/StatusBadge";
import { ProblemBanner } from "../ui/ProblemBanner";
import { FOLLOW_TIMING, useLiveFollow, type FollowTiming } from "./useLiveFollow";
import { progressOf } from "./progress";
import { RecordSection, ResourcesSection, TimelineSection, ProgressSection } from "./DetailSections";
import { DeleteDialog } from "./DeleteDialog";
import { EditForm, type Version } from "./edit/EditForm";
import { DriftSection } from "./drift/DriftSection";
import { RepairDialog } from "./drift/RepairDialog";
import { driftOf, useReconcile } from "./drift/useReconcile";

/**
 * One system: its record, progress, resources and timeline, followed live while a job runs.
 * Sections and actions are separate components so that later ones (edit, drift) slot in.
 */
export function SystemDetailPage({ timing = FOLLOW_TIMING }: { timing?: FollowTiming }) {
  const { systemId = "" } = useParams();
  // The router keeps the element when only the id changes (one system's page to another's): a
  // key of its own gives the next system a fresh page, no stale record, and the focus on its
  // heading, as after any other navigation.
  return <SystemDetail key={systemId} systemId={systemId} timing={timing} />;
}

function SystemDetail({ systemId, timing }: { systemId: string; timing: FollowTiming }) {
  const { api } = useApp();
  const [system, setSystem] = useState<SystemRecord | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [events, setEvents] = useState<TimelineEntry[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [repairing, setRepairing] = useState(false);
  const repairButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const heading = usePage(system?.system_name ?? "System");

  const load = useCallback(async () => {
    const path = { params: { path: { system_id: systemId } } };
    const [record, timeline] = await Promise.all([
      api.GET("/admin/systems/{system_id}", path),
      api.GET("/admin/systems/{system_id}/events", path),
    ]);
    if (!record.data) {
      setProblem(asProblem(record.error, record.response.status));
      return null;
    }
    setProblem(null);
    setSystem(record.data);
    setEtag(record.response.headers.get("ETag"));
    setEvents(timeline.data?.events ?? []);
    return { system: record.data, etag: record.response.headers.get("ETag"), count: timeline.data?.events.length ?? 0 };
  }, [api, systemId]);

  useEffect(() => {
    void load();
  }, [load]);

  useLiveFollow(
    system !== null && isPending(system.status),
    async () => {
      const before = { status: system?.status, count: events.length };
      const loaded = await load();
      if (!loaded) {
        return false;
      }
      if (loaded.system.status !== before.status) {
        setAnnouncement(`${loaded.system.system_name} is now ${statusLabel(loaded.system.status)}`);
      }
      return loaded.system.status !== before.status || loaded.count !== before.count;
    },
    timing,
  );

  const reconcile = useReconcile(api, systemId, system, load, timing);

  const act = async (call: Promise<{ data?: SystemRecord; error?: unknown; response: Response }>) => {
    const { data, error, response } = await call;
    if (data) {
      setActionProblem(null);
      await load();
    } else {
      setActionProblem(asProblem(error, response.status));
    }
  };
  const changed = (version: Version) => {
    setEditing(false);
    setSystem(version.system);
    setEtag(version.etag);
    setAnnouncement(`The change was accepted; ${version.system.system_name} is now ${statusLabel(version.system.status)}`);
    void load();
    requestAnimationFrame(() => heading.current?.focus());
  };
  const closeEdit = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const retry = () => act(api.POST("/admin/systems/{system_id}/retry", { params: { path: { system_id: systemId } } }));
  const remove = (deleteData: boolean) => {
    setDeleting(false);
    void act(
      api.DELETE("/admin/systems/{system_id}", {
        params: { path: { system_id: systemId }, query: { delete_data: deleteData } },
      }),
    );
  };

  // One heading element for the whole life of the page, so the focus put there stays there.
  const head = (
    <>
      <p className="breadcrumb">
        <Link to="/systems">Systems</Link>
      </p>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {system?.system_name ?? "System"}
        </h1>
        {system && <StatusBadge status={system.status} />}
      </div>
    </>
  );
  if (!system) {
    return (
      <>
        {head}
        {problem ? <ProblemBanner problem={problem} /> : <p>Loading…</p>}
      </>
    );
  }
  const canRetry = system.status.endsWith("failed");
  const canDelete = system.status !== "deprovisioning" && system.status !== "deleted";
  const canEdit = system.status === "active" || system.status === "update_failed";
  const version = { system, etag };
  return (
    <>
      {head}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {system.error_message && (
        <div className="notice error" role="alert">
          <strong>{statusLabel(system.status)}.</strong> {system.error_message}
        </div>
      )}
      <div className="actions" aria-label="Actions">
        {canRetry && (
          <button type="button" className="button primary" onClick={() => void retry()}>
            Retry
          </button>
        )}
        {canEdit && !editing && (
          <button type="button" className="button" ref={editButton} onClick={() => setEditing(true)}>
            Edit…
          </button>
        )}
        {canDelete && (
          <button type="button" className="button danger" ref={deleteButton} onClick={() => setDeleting(true)}>
            Delete…
          </button>
        )}
      </div>
      <ProblemBanner problem={actionProblem} />
      <ProblemBanner problem={problem} />
      {editing && (
        <EditForm
          version={version}
          editable={canEdit}
          reload={async () => {
            const loaded = await load();
            return loaded && { system: loaded.system, etag: loaded.etag };
          }}
          onChanged={changed}
          onCancel={closeEdit}
        />
      )}
      <ProgressSection progress={progressOf(system, events)} following={isPending(system.status)} />
      <ProblemBanner problem={reconcile.problem} />
      {system.status !== "deleted" && (
        <DriftSection
          drift={driftOf(system)}
          canCheck={system.status === "active"}
          checking={reconcile.checking}
          onCheck={() => void reconcile.request(false)}
          onRepair={() => setRepairing(true)}
          repairButton={repairButton}
        />
      )}
      <RecordSection system={system} />
      <ResourcesSection system={system} />
      <TimelineSection events={events} />
      {repairing && (
        <RepairDialog
          systemName={system.system_name}
          drift={driftOf(system)}
          onCancel={() => {
            setRepairing(false);
            requestAnimationFrame(() => repairButton.current?.focus());
          }}
          onRepair={() => {
            setRepairing(false);
            void reconcile.request(true);
            requestAnimationFrame(() => document.getElementById("drift-title")?.focus());
          }}
        />
      )}
      {deleting && (
        <DeleteDialog
          systemName={system.system_name}
          onCancel={() => {
            setDeleting(false);
            requestAnimationFrame(() => deleteButton.current?.focus());
          }}
          onDelete={remove}
        />
      )}
    </>
  );
}
