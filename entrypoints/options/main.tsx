import { render } from 'preact';
import { Options } from '../../components/Options';
import { i18n, localizeDocument } from '../../lib/i18n';
import '../../components/settings/settings.css';

localizeDocument(i18n.t('options.title'));
render(<Options />, document.getElementById('app')!);
