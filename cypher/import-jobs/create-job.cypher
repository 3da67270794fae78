// Jobs live in the graph, not in the app, so any instance behind a load balancer can report on
// a job another instance runs.
CREATE (j:ImportJob {
  id: $job.id,
  kind: $job.kind,
  document: $job.document,
  dryRun: $job.dryRun,
  status: 'queued',
  progressDone: 0,
  progressTotal: 0,
  createdAt: datetime(),
  updatedAt: datetime()
})
RETURN j.id AS id
