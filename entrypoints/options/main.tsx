import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { i18n, localizeDocument } from '../../lib/i18n';
import '../../components/common/controls.css';
import '../../components/options/options.css';

localizeDocument(i18n.t('options.title'));
render(<Options />, document.getElementById('app')!);
