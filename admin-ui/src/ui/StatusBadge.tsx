const LABELS: Record<string, string> = {
  pending_provisioning: "Provisioning",
  active: "Active",
  provisioning_failed: "Provisioning failed",
  deprovisioning: "Deprovisioning",
  deleted: "Deleted",
  deprovisioning_failed: "Deprovisioning failed",
  updating: "Updating",
  update_failed: "Update failed",
};

/** A status as words, never as colour alone; the colour only repeats what the words say. */
export function StatusBadge({ status }: { status: string }) {
  const tone = status.endsWith("failed")
    ? "failed"
    : status === "active"
      ? "ok"
      : status === "deleted"
        ? "muted"
        : "busy";
  return (
    <span className={`badge ${tone}`} data-status={status}>
      {LABELS[status] ?? status}
    </span>
  );
}

export function statusLabel(status: string): string {
  return LABELS[status] ?? status;
}
