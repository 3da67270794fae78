/**
 * Shapes of the curation API's answers (docs/curation.md, server/api/curation-schemas.ts) as the
 * front end reads them: entity state with its version, audit events, annotations and saved views.
 */

import type { KeptOverValue } from '../../../../server/curation/merge-rules.ts';

/** A relationship value a merge kept over the removed entity's, which it dropped: the server's. */
export type { KeptOverValue };

/** `GET /api/curation/entities/:id`: the editable state, with the version every edit quotes. */
export interface EntityState {
  id: string;
  type: string;
  version: number;
  properties: Record<string, unknown>;
  editedProperties: string[];
  provenance: { source: string; evidence: string | null }[];
}

/** `POST /api/curation/merge`: the kept entity, the id merged away, the relationships moved. */
export interface MergeResult {
  entity: EntityState;
  removed: string;
  moved: { outgoing: number; incoming: number };
  /** Where both had a relationship and said differently: the kept values, and those dropped. */
  keptOver: KeptOverValue[];
  /** The merge's audit event, which names it to undo it. */
  auditId: string;
}

/** `POST /api/curation/merge/undo`: both entities as before the merge, and the undo's event. */
export interface UndoMergeResult {
  entity: EntityState;
  restored: EntityState;
  auditId: string;
}

/** An entity's relationship that an undone delete could not bring back, and why. */
export interface NotRestored {
  from: string;
  type: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  reason: string;
}

/**
 * `POST /api/curation/delete/undo`: the entity back (null for a relationship), the relationships
 * back, those that could not come back, and the undo's event.
 */
export interface UndoDeleteResult {
  entity: EntityState | null;
  relationships: RelationshipState[];
  notRestored: NotRestored[];
  /** The annotations naming the entity, which its delete took, back; and those that could not. */
  annotations: Annotation[];
  annotationsNotRestored: NotRestoredAnnotation[];
  auditId: string;
}

/** An annotation an entity's delete took that could not come back, and why. */
export interface NotRestoredAnnotation {
  id: string;
  topic: string;
  subject: string;
  topicLabel: string;
  subjectLabel: string;
  reason: string;
}

/** `GET /api/curation/relationships?from=&type=&to=`: a relationship's editable state. */
export interface RelationshipState {
  from: string;
  type: string;
  to: string;
  /** The ends' names. */
  fromLabel: string;
  toLabel: string;
  /** The version every change quotes (0: imported, never edited). */
  version: number;
  /** role, startDate, endDate, notes, sourceUrl, board where set; sources and evidence. */
  properties: Record<string, unknown>;
  editedProperties: string[];
}

/** A signed-in account. */
export interface SessionUser {
  id: string;
  name: string;
  role: 'viewer' | 'editor' | 'admin';
}

/** `GET /api/auth/me`. */
export interface MeResponse {
  user: SessionUser | null;
  via: 'session' | 'token' | 'admin-token' | null;
  readsRequireSignIn: boolean;
  sessionsEnabled: boolean;
}

/** One change of the audit trail. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  entityId: string;
  entityIds: string[];
  before: unknown;
  after: unknown;
  /** A merge or delete undone: the undo's event (absent from servers before undoing deletes). */
  undoneBy?: string | null;
}

/** A stakeholder's annotation for a topic. */
export interface Annotation {
  id: string;
  topic: string;
  subject: string;
  stance: string;
  priority: string;
  notes: string;
  tags: string[];
  /** The names of topic and stakeholder. */
  topicLabel?: string;
  subjectLabel?: string;
  author: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A saved view as listed (the list leaves out `state`). */
export interface SavedViewSummary {
  id: string;
  name: string;
  owner: string;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What a saved view stores: the explorer's URL state, plus the entities it shows. */
export interface SavedViewState {
  entities: string[];
  filters: { url?: string };
  layout?: string;
  positions: Record<string, { x: number; y: number }>;
}

/** A saved view with its state. */
export interface SavedView extends SavedViewSummary {
  state: SavedViewState;
}

/** One problem of a 400 answer: the field path (`body.properties.name`) and what is wrong. */
export interface FieldIssue {
  path: string;
  message: string;
}
