/**
 * Annotations domain: what editors noted about a stakeholder (stance, priority, notes, tags) for a
 * topic — listed per stakeholder in the details panel and added there, and listed per topic beside
 * the stakeholders of an insight (the stakeholder map of an activity, a DPG's collaborators…).
 */
import { ApiError } from '../../lib/api/api-error';
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { curationApi } from './curation-api';
import { fieldProblems, tagsProblem } from './rules';
import type { Annotation } from './types';

let subject = $state<string | null>(null);
let list = $state<AsyncStatus<Annotation[]>>(idle());
let save = $state<AsyncStatus<Annotation>>(idle());
let problems = $state<Record<string, string>>({});
let topic = $state<string | null>(null);
let topicList = $state<AsyncStatus<Annotation[]>>(idle());

/** Read-only view of the annotations. */
export const annotations = {
  get subject() {
    return subject;
  },
  get list() {
    return list;
  },
  get save() {
    return save;
  },
  /** Problems by field (`notes`, `tags`…) from the server's 400 details. */
  get problems() {
    return problems;
  },
};

/** Read-only view of the annotations for one topic (every stakeholder's). */
export const topicAnnotations = {
  get topic() {
    return topic;
  },
  get list() {
    return topicList;
  },
};

/** The only ways to change the annotations state. */
export const annotationActions = {
  /** Loads the annotations about stakeholder `id`. */
  async load(id: string): Promise<void> {
    subject = id;
    list = loading();
    try {
      const answer = await curationApi.annotations({ subject: id });
      if (subject === id) list = success(answer);
    } catch (error) {
      if (subject === id) list = failure(error);
    }
  },
  /** Loads every annotation for topic `id` (the subject of an insight). */
  async loadTopic(id: string): Promise<void> {
    topic = id;
    topicList = loading();
    try {
      const answer = await curationApi.annotations({ topic: id, limit: '500' });
      if (topic === id) topicList = success(answer);
    } catch (error) {
      if (topic === id) topicList = failure(error);
    }
  },
  /** Adds an annotation about the current stakeholder for `topic`. */
  async add(input: {
    topic: string;
    stance: string;
    priority: string;
    notes: string;
    tags: string[];
  }): Promise<boolean> {
    if (subject === null) return false;
    const tagged = tagsProblem(input.tags);
    if (tagged !== null) {
      problems = { tags: tagged };
      return false;
    }
    save = loading();
    problems = {};
    try {
      const created = await curationApi.createAnnotation({ ...input, subject });
      save = success(created);
      void annotationActions.load(subject);
      if (topic === input.topic) void annotationActions.loadTopic(topic);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 400)
        problems = fieldProblems(error.details);
      save = failure(error);
      return false;
    }
  },
  /** Deletes one annotation. */
  async remove(annotation: Annotation): Promise<void> {
    try {
      await curationApi.deleteAnnotation(annotation.id, annotation.version);
      if (subject !== null) void annotationActions.load(subject);
      if (topic === annotation.topic) void annotationActions.loadTopic(topic);
    } catch (error) {
      save = failure(error);
    }
  },
};
