import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { SAVED_VIEWS_PER_USER, type SavedView, type SavedViewInput, type SavedViewList } from '@ringwatch/wire';
import type { Actor } from '../common/actor';
import { SavedViewsRepository } from './saved-views.repository';

/**
 * Saved views: a person's named inbox filters. Each person sees and deletes only their own (another's
 * view answers 404, as if it did not exist); names are unique per person, compared trimmed and
 * case-blind, and a person keeps at most SAVED_VIEWS_PER_USER.
 */
@Injectable()
export class SavedViewsService {
  constructor(@Inject(SavedViewsRepository) private readonly repository: SavedViewsRepository) {}

  async list(actor: Actor): Promise<SavedViewList> {
    return { items: await this.repository.list(actor.name), max: SAVED_VIEWS_PER_USER };
  }

  async create(input: SavedViewInput, actor: Actor): Promise<SavedView> {
    const name = input.name.replace(/\s+/g, ' ');
    const done = await this.repository.create(
      { id: randomUUID(), owner: actor.name, name, nameKey: name.toLowerCase(), filter: JSON.stringify(input.filter), max: SAVED_VIEWS_PER_USER },
      (view) => ({
        actor: actor.name,
        action: 'case.view.save',
        target: `saved-view:${view.id}`,
        before: null,
        after: { name: view.name, filter: view.filter },
        requestId: actor.requestId,
      }),
    );
    if (done.outcome === 'saved') return done.view;
    throw new ConflictException(
      done.outcome === 'taken'
        ? `you already have a view named "${name}"`
        : `you have ${SAVED_VIEWS_PER_USER} saved views, the most one person may keep; delete one first`,
    );
  }

  async delete(id: string, actor: Actor): Promise<void> {
    const deleted = await this.repository.delete(id, actor.name, (before) => ({
      actor: actor.name,
      action: 'case.view.delete',
      target: `saved-view:${id}`,
      before: { name: before.name, filter: before.filter },
      after: null,
      requestId: actor.requestId,
    }));
    if (!deleted) throw new NotFoundException(`you have no saved view ${id}`);
  }
}
