import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { InlineEdit } from '../components/inline-edit.js';
import { PageTitle } from '../components/page-title.js';
import { DataTable } from '../components/data-table.js';
import { ErrorMessage } from '../components/status.js';
import { useList } from '../lib/use-list.js';

export function useRoles(organizationId: string) {
  return useList(
    ['roles', organizationId],
    async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/roles', {
          params: { path: { organizationId } },
        }),
      ).data,
  );
}

const words = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function RolesPage({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const roles = useRoles(organizationId);
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState('');
  const [editing, setEditing] = useState<{ id: string; permissions: string } | undefined>();
  const refresh = () => client.invalidateQueries({ queryKey: ['roles', organizationId] });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/roles', {
          params: { path: { organizationId } },
          body: { name: name.trim(), permissions: words(permissions) },
        }),
      ),
    onSuccess: () => {
      setName('');
      setPermissions('');
      void refresh();
    },
  });
  const update = useMutation({
    mutationFn: async (edit: { id: string; permissions: string }) =>
      unwrap(
        await api.PATCH('/api/v1/organizations/{organizationId}/roles/{roleId}', {
          params: { path: { organizationId, roleId: edit.id } },
          body: { permissions: words(edit.permissions) },
        }),
      ),
    onSuccess: () => {
      setEditing(undefined);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (roleId: string) =>
      unwrap(
        await api.DELETE('/api/v1/organizations/{organizationId}/roles/{roleId}', {
          params: { path: { organizationId, roleId } },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  return (
    <>
      <PageTitle>Roles</PageTitle>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label htmlFor="role-name">New role name</label>
        <input
          id="role-name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor="role-permissions">Permissions (separated by spaces or commas)</label>
        <input
          id="role-permissions"
          value={permissions}
          onChange={(e) => setPermissions(e.target.value)}
          placeholder="billing:read billing:write"
        />
        <button type="submit" disabled={create.isPending}>
          Create role
        </button>
      </form>
      <ErrorMessage error={create.error ?? update.error ?? remove.error} title="Could not change the roles" />
      <DataTable
        list={roles}
        what="roles"
        caption="Roles"
        empty="No role yet."
        rowKey={(role) => role.id}
        columns={[
          { header: 'Role', cell: (role) => role.name },
          {
            header: 'Permissions',
            cell: (role) =>
              editing?.id === role.id ? (
                <InlineEdit
                  id={`perm-${role.id}`}
                  label={`Permissions of ${role.name}`}
                  value={editing.permissions}
                  onChange={(permissions) => setEditing({ id: role.id, permissions })}
                  onSave={() => update.mutate(editing)}
                  onCancel={() => setEditing(undefined)}
                  busy={update.isPending}
                />
              ) : (
                <span className="mono">{role.permissions.join(' ') || '–'}</span>
              ),
          },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (role) => (
              <>
                {editing?.id !== role.id ? (
                  <button
                    type="button"
                    onClick={() => setEditing({ id: role.id, permissions: role.permissions.join(' ') })}
                  >
                    Edit<span className="visually-hidden"> {role.name}</span>
                  </button>
                ) : null}{' '}
                <ConfirmButton
                  label="Delete"
                  question={`Delete ${role.name}?`}
                  onConfirm={() => remove.mutate(role.id)}
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
