import type { Http } from '@meetcute/core';
import { html, sendOpsPage } from '@meetcute/web';
import { OPERATOR_PAGE, tr, utc } from './frame.ts';
import { releasesOf, type OpsDb } from './store.ts';

/** The release history as a page: each version, when it was first seen, and the node starts that ran it. */
export function releasePages(http: Http, db: OpsDb): void {
  http.get('/ops/releases', { config: OPERATOR_PAGE }, async (request, reply) => {
    const t = tr(request);
    const releases = await releasesOf(db);
    const body = html`<p>${t('releasesIntro')}</p>
      ${
        releases.length === 0
          ? html`<p>${t('noReleases')}</p>`
          : releases.map(
              (r) =>
                html`<section class="release" id="release-${r.version}">
                  <h2>${r.version}</h2>
                  <p>
                    ${t('firstSeen')}: <time datetime="${r.firstSeenAt}">${utc(request, r.firstSeenAt)}</time>
                  </p>
                  <div class="table-scroll">
                    <table tabindex="0">
                      <caption class="visually-hidden">
                        ${t('nodes')}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">${t('node')}</th>
                          <th scope="col">${t('commit')}</th>
                          <th scope="col">${t('startedAt')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${r.nodes.map(
                          (n) =>
                            html`<tr>
                              <td>${n.name}</td>
                              <td><code>${n.commit ?? '–'}</code></td>
                              <td><time datetime="${n.startedAt}">${utc(request, n.startedAt)}</time></td>
                            </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>
                </section>`,
            )
      }`;
    return sendOpsPage(request, reply, { title: t('releases'), section: 'releases', body });
  });
}
