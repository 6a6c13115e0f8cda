import { render } from 'preact';
import { i18n, localizeDocument } from '../../lib/i18n';
import { Options } from '../../components/Options';

localizeDocument(i18n.t('options.title'));
render(<Options />, document.getElementById('app')!);
