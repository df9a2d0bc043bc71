import { useState } from 'react';
import { useMutation, useQuery } from '../graphql/hooks';
import { siteCreateSchema, type SiteFields } from '@vfr/domain';
import { FormButtons, FormProblem, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { Empty, LoadError, Loading } from '../forms/status';
import { useRecordForm } from '../forms/use-record-form';
import { textOrMissing } from '../forms/form-values';
import '../forms/forms.css';
import { CREATE_SITE, SITES, UPDATE_SITE } from './admin.documents';

const LABELS = { code: 'Code', name: 'Name', reason: 'Reason for the change' };
const toInput = (raw: Record<string, unknown>) => ({ code: textOrMissing(raw.code as string), name: textOrMissing(raw.name as string) }) as SiteFields;

function SiteForm({
  site,
  onSaved,
  onCancel,
}: {
  site?: { id: string; version: number; code: string; name: string };
  onSaved: (msg: string) => void;
  onCancel: () => void;
}) {
  const [create] = useMutation(CREATE_SITE);
  const [update] = useMutation(UPDATE_SITE);
  const [requestId] = useState(newRequestId);
  const form = useRecordForm<SiteFields>({
    initial: { code: site?.code ?? '', name: site?.name ?? '', reason: '' },
    labels: LABELS,
    schema: siteCreateSchema,
    toInput,
    send: async (input) => {
      if (!site) {
        await create({ variables: { input: { ...input, requestId } } });
        onSaved(`Site ${input.code} created.`);
        return;
      }
      const changes = updateInput(site, { ...input }, { code: site.code, name: site.name }, form.raw.reason);
      if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      onSaved(`Site ${input.code} saved.`);
    },
  });
  return (
    <form className="record-form" noValidate aria-labelledby="site-form-title" onSubmit={form.onSubmit}>
      <h3 id="site-form-title">{site ? `Edit site ${site.code}` : 'New site'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={Object.keys(LABELS)} />
      <div className="grid">
        <TextField form={form} name="code" label="Code" required hint="2-16 capital letters or digits, e.g. NORTH" />
        <TextField form={form} name="name" label="Name" required />
        {site && <TextField form={form} name="reason" label="Reason for the change" />}
      </div>
      <FormButtons form={form} label={site ? 'Save changes' : 'Create site'} onCancel={onCancel} />
    </form>
  );
}

export function SitesPage() {
  const q = useQuery(SITES, { fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState<string | null>(null); // a site's id, or 'new'
  const [notice, setNotice] = useState<string | null>(null);
  const saved = async (msg: string) => {
    await q.refetch();
    setOpen(null);
    setNotice(msg);
  };
  return (
    <section aria-labelledby="sites-title">
      <div className="panel-head">
        <h2 id="sites-title">Sites</h2>
        <button
          type="button"
          className="primary"
          disabled={open === 'new'}
          onClick={() => {
            setOpen('new');
            setNotice(null);
          }}
        >
          New site
        </button>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {open === 'new' && <SiteForm onSaved={(m) => void saved(m)} onCancel={() => setOpen(null)} />}
      {q.error && <LoadError error={q.error} what="The sites" onRetry={() => void q.refetch()} />}
      {!q.data && !q.error && <Loading what="sites" />}
      {q.data && q.data.sites.length === 0 && <Empty>No sites yet: create the first one.</Empty>}
      {q.data && q.data.sites.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Code</th>
                <th>Name</th>
                <th>Created</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {q.data.sites.map((s) => (
                <tr key={s.id}>
                  <td>{s.code}</td>
                  <td>{s.name}</td>
                  <td>{s.createdAt ? String(s.createdAt).slice(0, 10) : '–'}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="link"
                      aria-label={`Edit site ${s.code}`}
                      onClick={() => {
                        setOpen(s.id);
                        setNotice(null);
                      }}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {q.data?.sites.map((s) => open === s.id && <SiteForm key={s.id} site={s} onSaved={(m) => void saved(m)} onCancel={() => setOpen(null)} />)}
    </section>
  );
}
