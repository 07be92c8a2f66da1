/** One value edited in place in a table row: a labelled field, Save and Cancel. */
export function InlineEdit({
  id,
  label,
  value,
  onChange,
  onSave,
  onCancel,
  busy,
  required = false,
  maxLength,
}: {
  readonly id: string;
  /** Read by screen readers only (the row says what it is). */
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
  readonly busy: boolean;
  readonly required?: boolean;
  readonly maxLength?: number;
}) {
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        required={required}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <button type="submit" disabled={busy}>
        Save
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
