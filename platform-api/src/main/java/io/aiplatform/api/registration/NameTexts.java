package io.aiplatform.api.registration;

import io.aiplatform.api.registration.Systems.Holder;

/** Why a name is taken, and what frees it, for the 409 that refuses it. */
final class NameTexts {

  private NameTexts() {}

  static String taken(String name, Holder holder) {
    if (holder.status() == Status.DELETED) {
      return "The name "
          + name
          + " is held by deleted system "
          + holder.systemId()
          + ", whose data buckets were retained; DELETE /admin/systems/"
          + holder.systemId()
          + "?delete_data=true purges them and frees the name.";
    }
    if (holder.status() == Status.DEPROVISIONING && holder.deleteData()) {
      return "The name "
          + name
          + " is held by system "
          + holder.systemId()
          + ", which is being deleted with its data; the name is free once it is deleted.";
    }
    return "A system named "
        + name
        + " already exists (system "
        + holder.systemId()
        + ", "
        + holder.status().wire()
        + "); a name becomes free when its system is deleted with delete_data=true.";
  }
}
