import { render } from 'preact';
import { WelcomePage } from '../../components/welcome/WelcomePage';
import { i18n, localizeDocument } from '../../lib/i18n';
import '../../components/common/controls.css';
import '../../components/welcome/welcome.css';

localizeDocument(i18n.t('welcome.pageTitle'));
render(<WelcomePage />, document.getElementById('app')!);
