import type { GroupSize } from '../seed/seed-plan.js';

export interface AddedMember {
  readonly candidate: number;
  readonly copy: number;
}

/**
 * Which candidates member-add-N put into which copy of the group of N, so member-remove-N takes exactly
 * those out again and every group ends the run at its seeded size.
 */
export class MemberLedger {
  private readonly added = new Map<GroupSize, AddedMember[]>();

  record(size: GroupSize, member: AddedMember): void {
    const list = this.added.get(size) ?? [];
    list.push(member);
    this.added.set(size, list);
  }

  addedTo(size: GroupSize): readonly AddedMember[] {
    return this.added.get(size) ?? [];
  }
}
