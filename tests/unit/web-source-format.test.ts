import { describe, expect, it } from 'vitest';
import { editorStatedOn, sourceDisplay } from '../../web/src/lib/entity/source-format.ts';

describe('sourceDisplay', () => {
  it('links a web source by its title, and says where it is', () => {
    expect(
      sourceDisplay({
        uri: 'https://www.digitalpublicgoods.net/who-we-are',
        title: 'DPGA ‘Who we are’ page, 2025',
        kind: 'dpga-members',
      }),
    ).toEqual({
      text: 'DPGA ‘Who we are’ page, 2025',
      href: 'https://www.digitalpublicgoods.net/who-we-are',
      where: 'digitalpublicgoods.net/who-we-are',
      kind: 'DPGA members list',
      editor: false,
    });
  });

  it('names an editor’s statements by the editor, not by their account id', () => {
    expect(
      sourceDisplay({ uri: 'user:bae9dc16-0000', title: 'Edits by qaadmin', kind: 'editor' }),
    ).toEqual({
      text: 'Edits by qaadmin',
      href: null,
      where: 'Edits by qaadmin',
      kind: 'Editor',
      editor: true,
    });
  });

  it('names a file on the server without its folder, and never links it', () => {
    const shown = sourceDisplay({
      uri: '/work/shared/data/dpga/roadmap-2023.csv',
      title: null,
      kind: 'activities-csv',
    });
    expect(shown).toEqual({
      text: 'roadmap-2023.csv',
      href: null,
      where: 'roadmap-2023.csv',
      kind: 'Activities sheet',
      editor: false,
    });
    expect(
      sourceDisplay({ uri: 'file:///srv/x/page.txt', kind: 'member-page', title: null }),
    ).toMatchObject({
      text: 'page.txt',
      href: null,
      kind: 'DPGA member page',
    });
    // As the server records a file now (server/importers/source-uri.ts).
    expect(
      sourceDisplay({ uri: 'file:members-2025.json', kind: 'members', title: null }),
    ).toMatchObject({
      text: 'members-2025.json',
      where: 'members-2025.json',
      href: null,
    });
  });

  it('reads an unknown kind as words', () => {
    expect(sourceDisplay({ uri: 'urn:x', kind: 'partner-feed', title: null }).kind).toBe(
      'partner feed',
    );
  });
});

describe('editorStatedOn', () => {
  it("dates an editor's last edit by what they stated here, not their last edit anywhere", () => {
    const ada = 'source:editor:ada';
    const statements = [
      { source: ada, evidence: 'stated by editor Ada on 2026-11-02' },
      { source: 'source:dpga-members', evidence: 'listed on the page' },
      { source: ada, evidence: 'stated by editor Ada on 2026-11-20' },
      { source: 'source:editor:bo', evidence: 'stated by editor Bo on 2026-12-01' },
      { source: ada, evidence: null },
    ];
    expect(editorStatedOn(ada, statements)).toBe('2026-11-20');
    expect(editorStatedOn('source:editor:cy', statements)).toBeNull();
    // A name that ends like a date is not one.
    expect(
      editorStatedOn(ada, [{ source: ada, evidence: 'stated by editor Bon2026-01-01' }]),
    ).toBeNull();
  });
});
