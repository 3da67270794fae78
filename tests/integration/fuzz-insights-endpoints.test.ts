/**
 * Fuzzing the insights endpoints (collaborators, stakeholders, organisation networks, gaps,
 * network measures — the `insights` group of fuzz-route-catalogue.ts) on a graph with its network
 * measures computed: no 5xx, errors in their JSON shape naming the parameter, and the database
 * unchanged at the end.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseSnapshot, useFuzzEnvironment } from './fuzz-fixture.ts';
import { fuzzGroup } from './fuzz-properties.ts';

const environment = useFuzzEnvironment({ metrics: true });
let before: Awaited<ReturnType<typeof databaseSnapshot>>;
beforeAll(async () => {
  before = await databaseSnapshot(environment().db);
});

fuzzGroup('insights', environment);

describe('after all of it', () => {
  it('the database is as it was', async () => {
    expect(await databaseSnapshot(environment().db)).toEqual(before);
  });
});
