import { useQuery } from '../graphql/hooks';
import { useNavigate } from 'react-router';
import { LoadError, Loading } from '../forms/status';
import { PatientForm } from './patient-form';
import { ME } from './patients.documents';

/** Registration: a coordinator registers at its own site; an admin chooses the site. */
export function PatientNewPage() {
  const navigate = useNavigate();
  const me = useQuery(ME);
  if (me.error) return <LoadError error={me.error} what="Your account" />;
  if (!me.data) return <Loading what="the form" />;
  return (
    <section>
      <h2>New patient</h2>
      <PatientForm
        siteId={me.data.me.siteId ?? null}
        sites={me.data.sites}
        onCancel={() => void navigate('/patients')}
        onSaved={(id) => void navigate(`/patients/${id}`, { state: { saved: 'Patient registered.' } })}
      />
    </section>
  );
}
