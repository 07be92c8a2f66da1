import { attributeMappings, idpSetup, type Idp } from '../lib/idp-setup.js';

/** 000's part 4 and 002's IdP sections: where to paste what, in the IdP's own words, and the attribute table. */
export function IdpSetupSteps({ idp }: { idp: Idp }) {
  const setup = idpSetup[idp];
  return (
    <section aria-labelledby="setup-steps">
      <h2 id="setup-steps">Finish in {setup.name}</h2>
      <p id="setup-fields">
        Paste the integration URL into <strong>{setup.urlField}</strong> and the token into{' '}
        <strong>{setup.tokenField}</strong>.
      </p>
      <ol className="steps">
        {setup.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h3>Attribute mappings</h3>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">How IdP attributes map to SCIM and to Roster</caption>
          <thead>
            <tr>
              <th scope="col">SCIM 2.0 attribute</th>
              <th scope="col">Okta</th>
              <th scope="col">JumpCloud</th>
              <th scope="col">Microsoft Entra ID</th>
              <th scope="col">Roster profile</th>
            </tr>
          </thead>
          <tbody>
            {attributeMappings.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, index) => (
                  <td key={index} className={index < 4 ? 'mono' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
