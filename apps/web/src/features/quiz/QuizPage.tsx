import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { usePageTitle } from '../../ui/usePageTitle';
import { QuizLesson } from './QuizLesson';

/** `/hoc/:slug/kiem-tra/:lessonId`: the quiz of a quiz lesson on a page of its own. */
export function QuizPage() {
  const { t } = useTranslation();
  const { slug = '', lessonId = '' } = useParams();
  usePageTitle(t('assessment.lesson.pageTitle'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.learn(slug)}>{t('assessment.lesson.backToCourse')}</Link>
      </p>
      <h1>{t('assessment.lesson.pageTitle')}</h1>
      <QuizLesson lessonId={lessonId} />
    </>
  );
}
