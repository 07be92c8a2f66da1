import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { PageTitle } from '../components/page-title.js';
import { Empty, ErrorMessage, Loading } from '../components/status.js';

export function useRoles(organizationId: string) {
  return useQuery({
    queryKey: ['roles', organizationId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/roles', {
          params: { path: { organizationId } },
        }),
      ).data,
  });
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
      {roles.isPending ? <Loading what="roles" /> : null}
      <ErrorMessage error={roles.error} title="Could not load the roles" />
      {roles.data?.length === 0 ? <Empty>No role yet.</Empty> : null}
      {roles.data && roles.data.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Permissions</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {roles.data.map((role) => (
              <tr key={role.id}>
                <td>{role.name}</td>
                <td>
                  {editing?.id === role.id ? (
                    <form
                      className="inline-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        update.mutate(editing);
                      }}
                    >
                      <label htmlFor={`perm-${role.id}`} className="visually-hidden">
                        Permissions of {role.name}
                      </label>
                      <input
                        id={`perm-${role.id}`}
                        value={editing.permissions}
                        onChange={(e) => setEditing({ id: role.id, permissions: e.target.value })}
                      />
                      <button type="submit" disabled={update.isPending}>
                        Save
                      </button>
                      <button type="button" onClick={() => setEditing(undefined)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <span className="mono">{role.permissions.join(' ') || '–'}</span>
                  )}
                </td>
                <td>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
