import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { InlineEdit } from '../components/inline-edit.js';
import { PageTitle } from '../components/page-title.js';
import { DataTable } from '../components/data-table.js';
import { ErrorMessage } from '../components/status.js';
import { useList } from '../lib/use-list.js';
import { useRoles } from './roles-page.js';

export function useGroups(organizationId: string) {
  return useList(
    ['groups', organizationId],
    async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/groups', {
          params: { path: { organizationId } },
        }),
      ).data,
  );
}

/** Directory groups and the roles each carries (group-to-role mapping). */
export function GroupsPage({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const groups = useGroups(organizationId);
  const roles = useRoles(organizationId);
  const [name, setName] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['groups', organizationId] });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/groups', {
          params: { path: { organizationId } },
          body: { name: name.trim() },
        }),
      ),
    onSuccess: () => {
      setName('');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (groupId: string) =>
      unwrap(
        await api.DELETE('/api/v1/organizations/{organizationId}/groups/{groupId}', {
          params: { path: { organizationId, groupId } },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  const [renaming, setRenaming] = useState<{ id: string; name: string } | undefined>();
  const rename = useMutation({
    mutationFn: async (edit: { id: string; name: string }) =>
      unwrap(
        await api.PATCH('/api/v1/organizations/{organizationId}/groups/{groupId}', {
          params: { path: { organizationId, groupId: edit.id } },
          body: { name: edit.name.trim() },
        }),
      ),
    onSuccess: () => {
      setRenaming(undefined);
      void refresh();
    },
  });
  const setRoles = useMutation({
    mutationFn: async ({ groupId, roleIds }: { groupId: string; roleIds: string[] }) =>
      unwrap(
        await api.PUT('/api/v1/organizations/{organizationId}/groups/{groupId}/roles', {
          params: { path: { organizationId, groupId } },
          body: { roles: roleIds },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  return (
    <>
      <PageTitle>Groups</PageTitle>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label htmlFor="group-name">New group name</label>
        <input
          id="group-name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={create.isPending}>
          Create group
        </button>
      </form>
      <ErrorMessage
        error={create.error ?? rename.error ?? remove.error ?? setRoles.error}
        title="Could not change the groups"
      />
      <DataTable
        list={groups}
        what="groups"
        caption="Groups"
        empty="No directory group yet. IdP groups create them as they sync."
        rowKey={(group) => group.id}
        columns={[
          {
            header: 'Group',
            cell: (group) =>
              renaming?.id === group.id ? (
                <InlineEdit
                  id={`rename-${group.id}`}
                  label={`New name of ${group.name}`}
                  required
                  maxLength={200}
                  value={renaming.name}
                  onChange={(name) => setRenaming({ id: group.id, name })}
                  onSave={() => rename.mutate(renaming)}
                  onCancel={() => {
                    setRenaming(undefined);
                    rename.reset();
                  }}
                  busy={rename.isPending}
                />
              ) : (
                group.name
              ),
          },
          {
            header: 'Roles',
            cell: (group) => (
              <fieldset className="role-picks">
                <legend className="visually-hidden">Roles of {group.name}</legend>
                {(roles.data ?? []).map((role) => {
                  const has = group.roles.some((r) => r.id === role.id);
                  return (
                    <label key={role.id} className="checkbox">
                      <input
                        type="checkbox"
                        checked={has}
                        onChange={() =>
                          setRoles.mutate({
                            groupId: group.id,
                            roleIds: has
                              ? group.roles.filter((r) => r.id !== role.id).map((r) => r.id)
                              : [...group.roles.map((r) => r.id), role.id],
                          })
                        }
                      />
                      {role.name}
                    </label>
                  );
                })}
                {roles.data?.length === 0 ? <span className="hint">No roles yet</span> : null}
              </fieldset>
            ),
          },
          {
            header: 'Actions',
            hideHeader: true,
            className: 'row-actions',
            cell: (group) => (
              <>
                {renaming?.id !== group.id ? (
                  <button type="button" onClick={() => setRenaming({ id: group.id, name: group.name })}>
                    Rename<span className="visually-hidden"> {group.name}</span>
                  </button>
                ) : null}
                <ConfirmButton
                  label="Delete"
                  question={`Delete ${group.name}?`}
                  onConfirm={() => remove.mutate(group.id)}
                  busy={remove.isPending}
                />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
