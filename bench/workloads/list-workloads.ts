import { send, type HttpAnswer } from '../http/http-request.js';
import { answerJson, type Verdict, type Workload, type WorkloadContext, steadyLoad } from './workload.js';

const PAGE_SIZE = 100;
const DEEP_PAGE = 1000;
/** Walking to the deep cursor is bounded in time as well as in pages. */
const CURSOR_WALK_LIMIT_MS = 300_000;

function fullPage(answers: readonly HttpAnswer[]): Verdict | undefined {
  const resources = answerJson(answers[0])?.Resources;
  return Array.isArray(resources) && resources.length > 0
    ? undefined
    : { status: 'failed', reason: 'the page has no Resources' };
}

/** The first page: GET /Users?startIndex=1&count=100. */
export const listShallow: Workload = {
  name: 'list-shallow',
  floor: 'read',
  sends: 'GET /Users?startIndex=1&count=100',
  async prepare(context) {
    const path = `${context.target.basePath}/Users?startIndex=1&count=${PAGE_SIZE}`;
    return steadyLoad(context, {
      steps: [() => ({ method: 'GET', path })],
      verify: fullPage,
    });
  },
};

/** totalResults of GET /Users?count=0, or why it could not be had. */
async function userTotal(context: WorkloadContext): Promise<number | Verdict> {
  const answer = await send(context.target, {
    method: 'GET',
    path: `${context.target.basePath}/Users?count=0`,
  });
  const total = answerJson(answer)?.totalResults;
  return answer.status === 200 && typeof total === 'number' && total > 0
    ? total
    : { status: 'failed', reason: `GET /Users?count=0 answered ${answer.status}` };
}

/** The last full page by index: GET /Users?startIndex={total-99}&count=100. */
export const listDeep: Workload = {
  name: 'list-deep',
  floor: 'read',
  sends: 'GET /Users?startIndex={totalResults-99}&count=100 (the last page)',
  async prepare(context) {
    const total = await userTotal(context);
    if (typeof total !== 'number') return { ok: false, ...total };
    const startIndex = Math.max(1, total - PAGE_SIZE + 1);
    const path = `${context.target.basePath}/Users?startIndex=${startIndex}&count=${PAGE_SIZE}`;
    return steadyLoad(context, {
      steps: [() => ({ method: 'GET', path })],
      verify: fullPage,
      note: `startIndex=${startIndex}`,
    });
  },
};

/**
 * Index pages in order, the way Okta imports (startIndex=1, 101, 201, ... to the end, then again from
 * the start), on one connection as an import runs. Its CPU per page, set beside list-shallow's (page 1
 * again and again), says whether a page deep in the walk costs what the first one does.
 */
export const listWalk: Workload = {
  name: 'list-walk',
  floor: 'read',
  sends: 'GET /Users?startIndex={1, 101, 201, … to the last page, then again}&count=100, one connection',
  async prepare(context) {
    const total = await userTotal(context);
    if (typeof total !== 'number') return { ok: false, ...total };
    const pages = Math.ceil(total / PAGE_SIZE);
    const base = `${context.target.basePath}/Users`;
    return {
      ok: true,
      load: {
        connections: 1,
        maxRequests: context.options.maxRequests,
        steps: [
          (cycle) => ({
            method: 'GET',
            path: `${base}?startIndex=${(cycle % pages) * PAGE_SIZE + 1}&count=${PAGE_SIZE}`,
          }),
        ],
        verify: fullPage,
        note: `${pages.toLocaleString('en')} pages in the walk`,
      },
    };
  },
};

function cursorVerdict(
  context: WorkloadContext,
  body: Record<string, unknown> | undefined,
): Verdict | undefined {
  if (typeof body?.nextCursor === 'string') return undefined;
  const said = context.discovery.cursor ? 'says cursor: true' : 'says cursor: false';
  return {
    status: 'unsupported',
    reason: `no nextCursor in the first page (ServiceProviderConfig ${said}); RFC 9865 cursors not implemented`,
  };
}

/** RFC 9865: the first page by cursor, GET /Users?cursor&count=100. */
export const cursorFirst: Workload = {
  name: 'cursor-first',
  floor: 'read',
  feature: 'cursor',
  sends: 'GET /Users?cursor&count=100 (RFC 9865 first page)',
  async prepare(context) {
    const path = `${context.target.basePath}/Users?cursor&count=${PAGE_SIZE}`;
    return steadyLoad(context, {
      steps: [() => ({ method: 'GET', path })],
      verify: ([answer]) => cursorVerdict(context, answerJson(answer)) ?? fullPage([answer as HttpAnswer]),
    });
  },
};

/** RFC 9865: the 1,000th page, reached by following nextCursor, requested again and again. */
export const cursorDeep: Workload = {
  name: 'cursor-deep',
  floor: 'read',
  feature: 'cursor',
  sends: 'GET /Users?cursor={cursor of page 1000}&count=100 (found by walking nextCursor once)',
  async prepare(context) {
    const base = `${context.target.basePath}/Users`;
    const first = await send(context.target, { method: 'GET', path: `${base}?cursor&count=${PAGE_SIZE}` });
    if (first.status === 501 || first.status === 400) {
      return { ok: false, status: 'unsupported', reason: `GET /Users?cursor answered ${first.status}` };
    }
    const missing = cursorVerdict(context, answerJson(first));
    if (missing) return { ok: false, ...missing };
    let cursor = answerJson(first)?.nextCursor as string;
    let page = 2;
    const deadline = performance.now() + CURSOR_WALK_LIMIT_MS;
    while (page < DEEP_PAGE && performance.now() < deadline) {
      const answer = await send(context.target, {
        method: 'GET',
        path: `${base}?cursor=${encodeURIComponent(cursor)}&count=${PAGE_SIZE}`,
      });
      if (answer.status !== 200) {
        return {
          ok: false,
          status: 'failed',
          reason: `following nextCursor to page ${page} answered ${answer.status}`,
        };
      }
      const next = answerJson(answer)?.nextCursor;
      if (typeof next !== 'string') break;
      cursor = next;
      page++;
    }
    const path = `${base}?cursor=${encodeURIComponent(cursor)}&count=${PAGE_SIZE}`;
    return steadyLoad(context, {
      steps: [() => ({ method: 'GET', path })],
      verify: fullPage,
      note: `page ${page}`,
    });
  },
};
