// 居民: the station's people, masked, a page at a time, filtered while typing; 全站查找 asks the server
// (POST /people/search: full volunteer no., ID number, phone or surname). Opening one shows their page
// (person-panel.tsx). Shows only what the API returns.

import { useEffect, useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { PersonView } from '../../api/types.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, noticeOfError, Section, type Notice } from '../../parts.tsx';
import { PersonPanel } from './person-panel.tsx';
import { appendPage, findPeople, hasMorePeople, peoplePageSize } from './people-view.ts';

type Props = { t: Translate; api: StaffApi; stationId: string };
type Listing = { people: PersonView[]; nextAfterId: string | null; hasMore: boolean };
type Searched = { query: string; people: PersonView[] };

export function PeoplePage(props: Props) {
  const { t, api, stationId } = props;
  const [listing, setListing] = useState<Listing | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [isBusy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [searched, setSearched] = useState<Searched | null>(null);

  async function searchStation(): Promise<void> {
    const text = query.trim();
    if (text === '') return;
    setBusy(true);
    const result = await api.searchPeople(stationId, text);
    setBusy(false);
    if (!result.ok) {
      setNotice(noticeOfError(t, result.error));
      return;
    }
    setNotice(result.value.kind === null ? { tone: 'error', text: t('peopleSearchNoKind') } : null);
    setSearched({ query: text, people: result.value.people });
  }

  async function loadPage(current: Listing | null): Promise<void> {
    setBusy(true);
    const result = await api.listPeople(stationId, current?.nextAfterId ?? null, peoplePageSize);
    setBusy(false);
    if (!result.ok) {
      setNotice(noticeOfError(t, result.error));
      return;
    }
    setNotice(null);
    const { people, nextAfterId } = result.value;
    setListing({ people: appendPage(current?.people ?? [], people), nextAfterId, hasMore: hasMorePeople(people.length, peoplePageSize, nextAfterId) });
  }

  useEffect(() => { void loadPage(null); }, [api, stationId]);

  if (openId !== null) return <PersonPanel t={t} api={api} personId={openId} onBack={() => setOpenId(null)} />;
  const found = searched !== null ? searched.people : listing === null ? [] : findPeople(listing.people, query);
  return (
    <Section title={t('peopleTitle')}>
      <label class="field">
        <span>{t('peopleSearch')}</span>
        <input type="search" value={query} aria-describedby="people-search-hint" onInput={(event) => { setQuery(event.currentTarget.value); setSearched(null); }}
          onKeyDown={(event) => { if (event.key === 'Enter') void searchStation(); }} />
      </label>
      <div class="row-form">
        <button type="button" disabled={isBusy || query.trim() === ''} onClick={() => void searchStation()}>{t('peopleSearchServer')}</button>
        {searched !== null ? <button type="button" onClick={() => { setSearched(null); setQuery(''); }}>{t('peopleShowAll')}</button> : null}
      </div>
      <p id="people-search-hint" class="hint">{t('peopleSearchHint')}</p>
      <NoticeLine notice={notice} />
      {listing === null && notice === null ? <p>{t('loading')}</p> : null}
      {listing !== null && listing.people.length === 0 ? <p>{t('peopleNone')}</p> : null}
      {searched !== null ? <p role="status">{t('peopleSearchResults', { count: searched.people.length })}</p> : null}
      {searched === null && listing !== null && listing.people.length > 0 && found.length === 0 ? <p>{t('peopleNoMatch', { count: listing.people.length, query: query.trim() })}</p> : null}
      {found.length > 0 ? (
        <table class="people">
          <thead><tr><th scope="col">{t('personVolunteerNo')}</th><th scope="col">{t('personName')}</th><th scope="col">{t('personIdNumber')}</th><th scope="col">{t('personOpen')}</th></tr></thead>
          <tbody>
            {found.map((person) => (
              <tr key={person.id} data-person-id={person.id}>
                <th scope="row">{person.volunteerNo}</th>
                <td>{person.displayName}</td>
                <td>{person.idNumberMasked}</td>
                <td><button type="button" aria-label={t('personOpenFor', { name: person.displayName, volunteerNo: person.volunteerNo })} onClick={() => setOpenId(person.id)}>{t('personOpen')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {listing !== null && searched === null ? (
        <div class="row-form">
          <span>{t('peopleCount', { count: listing.people.length })}</span>
          {listing.hasMore ? <button type="button" disabled={isBusy} onClick={() => void loadPage(listing)}>{t('peopleMore')}</button> : null}
        </div>
      ) : null}
    </Section>
  );
}
