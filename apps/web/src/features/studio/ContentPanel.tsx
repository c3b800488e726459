import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { LESSON_KINDS, orderOf, studioApi, useVersionMutation, type LessonKind, type StudioLesson, type StudioModule, type StudioVersion } from './api';
import { kindName } from './labels';
import { LessonEditor } from './LessonEditor';

const LESSON_PARAM = 'bai';
type Order = { id: string; lessons: string[] }[];

/** Where focus goes once the version in the given order is on screen (the first of the ids not disabled). */
type PendingFocus = { order: string; ids: string[] };

/** The move buttons of the item moved: the one pressed, or the other one when the pressed one is now disabled (the item reached an end). */
const moveButtonIds = (kind: 'm' | 'l', id: string, delta: -1 | 1): string[] => {
  const [pressed, other] = delta < 0 ? ['up', 'down'] : ['down', 'up'];
  return [`move-${kind}-${pressed}-${id}`, `move-${kind}-${other}-${id}`];
};

/** Modules and lessons: add, rename, delete, reorder (drag and drop, or the move buttons), edit a lesson. */
export function ContentPanel({ version }: { version: StudioVersion }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [announcement, setAnnouncement] = useState('');
  const reorder = useVersionMutation(version.id, (order: Order) => studioApi.reorder(version.id, order));
  const addModule = useVersionMutation(version.id, (title: string) => studioApi.addModule(version.id, title));
  const [moduleTitle, setModuleTitle] = useState('');
  const selected = version.modules.flatMap((m) => m.lessons).find((l) => l.id === params.get(LESSON_PARAM));
  const ro = !version.editable;
  const [pendingFocus, setPendingFocus] = useState<PendingFocus | null>(null);

  // A moved item's DOM node may be moved by React, which takes focus away from it: focus is put back
  // after the commit that shows the new order (an animation frame may come before that commit).
  useEffect(() => {
    if (!pendingFocus || JSON.stringify(orderOf(version)) !== pendingFocus.order) return;
    setPendingFocus(null);
    pendingFocus.ids
      .map((id) => document.getElementById(id) as HTMLButtonElement | null)
      .find((button) => button && !button.disabled)
      ?.focus();
  }, [pendingFocus, version]);

  const apply = (order: Order, message: string, focusIds?: string[]) => {
    setPendingFocus(null);
    reorder.mutate(order, {
      onSuccess: () => {
        setAnnouncement(message);
        if (focusIds) setPendingFocus({ order: JSON.stringify(order), ids: focusIds });
      },
      onError: (e) => setAnnouncement(e.message),
    });
  };

  const moveModule = (index: number, delta: -1 | 1) => {
    const order = orderOf(version);
    const to = index + delta;
    if (to < 0 || to >= order.length) return;
    const module = version.modules[index]!;
    apply(arrayMove(order, index, to), t('studio.content.movedModule', { title: module.title, position: to + 1 }), moveButtonIds('m', module.id, delta));
  };

  /** Up/down within a module; past its first or last lesson, into the previous or next module. */
  const moveLesson = (moduleIndex: number, lessonIndex: number, delta: -1 | 1) => {
    const order = orderOf(version);
    const here = order[moduleIndex]!;
    const lesson = version.modules[moduleIndex]!.lessons[lessonIndex]!;
    const to = lessonIndex + delta;
    let target = moduleIndex;
    let position = to;
    if (to >= 0 && to < here.lessons.length) {
      here.lessons = arrayMove(here.lessons, lessonIndex, to);
    } else {
      target = moduleIndex + delta;
      const other = order[target];
      if (!other) return;
      here.lessons.splice(lessonIndex, 1);
      if (delta < 0) other.lessons.push(lesson.id);
      else other.lessons.unshift(lesson.id);
      position = delta < 0 ? other.lessons.length - 1 : 0;
    }
    const moduleTitle = version.modules[target]!.title;
    apply(order, t('studio.content.movedLesson', { title: lesson.title, position: position + 1, module: moduleTitle }), moveButtonIds('l', lesson.id, delta));
  };

  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const titleOf = (id: string | number) =>
    version.modules.find((m) => m.id === id)?.title ?? version.modules.flatMap((m) => m.lessons).find((l) => l.id === id)?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('studio.dnd.picked', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('studio.dnd.over', { title: titleOf(active.id), target: titleOf(over.id) }) : t('studio.dnd.outside', { title: titleOf(active.id) })),
    onDragEnd: ({ active, over }) => (over ? t('studio.dnd.dropped', { title: titleOf(active.id), target: titleOf(over.id) }) : t('studio.dnd.cancelled', { title: titleOf(active.id) })),
    onDragCancel: ({ active }) => t('studio.dnd.cancelled', { title: titleOf(active.id) }),
  };
  const instructions: ScreenReaderInstructions = { draggable: t('studio.dnd.instructions') };

  const onModuleDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const order = orderOf(version);
    const from = order.findIndex((m) => m.id === active.id);
    const to = order.findIndex((m) => m.id === over.id);
    apply(arrayMove(order, from, to), t('studio.content.movedModule', { title: titleOf(active.id), position: to + 1 }));
  };
  const onLessonDragEnd = (moduleIndex: number) => ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const order = orderOf(version);
    const lessons = order[moduleIndex]!.lessons;
    const from = lessons.indexOf(String(active.id));
    const to = lessons.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    order[moduleIndex]!.lessons = arrayMove(lessons, from, to);
    apply(order, t('studio.content.movedLesson', { title: titleOf(active.id), position: to + 1, module: version.modules[moduleIndex]!.title }));
  };

  const onAddModule = (event: FormEvent) => {
    event.preventDefault();
    if (!moduleTitle.trim()) return;
    addModule.mutate(moduleTitle.trim(), { onSuccess: () => setModuleTitle('') });
  };

  return (
    <section aria-labelledby="content-title" className="studio-content">
      <h2 id="content-title">{t('studio.tabs.noi-dung')}</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {version.modules.length === 0 ? <p>{t('studio.content.empty')}</p> : null}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onModuleDragEnd} accessibility={{ announcements, screenReaderInstructions: instructions }}>
        <SortableContext items={version.modules.map((m) => m.id)} strategy={verticalListSortingStrategy}>
          <ol className="studio-modules" role="list">
            {version.modules.map((module, mi) => (
              <SortableItem key={module.id} id={module.id} disabled={ro} handleLabel={t('studio.dnd.handle', { title: module.title })} className="studio-module">
                <ModuleHeader
                  module={module}
                  version={version}
                  first={mi === 0}
                  last={mi === version.modules.length - 1}
                  onMove={(delta) => moveModule(mi, delta)}
                />
                <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onLessonDragEnd(mi)} accessibility={{ announcements, screenReaderInstructions: instructions }}>
                  <SortableContext items={module.lessons.map((l) => l.id)} strategy={verticalListSortingStrategy}>
                    <ol className="studio-lessons" role="list" aria-label={t('studio.content.lessonsOf', { title: module.title })}>
                      {module.lessons.map((lesson, li) => (
                        <SortableItem key={lesson.id} id={lesson.id} disabled={ro} handleLabel={t('studio.dnd.handle', { title: lesson.title })} className="studio-lesson">
                          <LessonRow
                            lesson={lesson}
                            selected={selected?.id === lesson.id}
                            readOnly={ro}
                            canUp={mi > 0 || li > 0}
                            canDown={mi < version.modules.length - 1 || li < module.lessons.length - 1}
                            onMove={(delta) => moveLesson(mi, li, delta)}
                          />
                        </SortableItem>
                      ))}
                    </ol>
                  </SortableContext>
                </DndContext>
                {ro ? null : <AddLessonForm version={version} module={module} />}
              </SortableItem>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {ro ? null : (
        <form className="studio-inline-form" onSubmit={onAddModule}>
          <TextField id="new-module" label={t('studio.content.newModule')} value={moduleTitle} onChange={(e) => setModuleTitle(e.target.value)} maxLength={200} />
          <Button type="submit" variant="secondary" busy={addModule.isPending} busyLabel={t('studio.saving')}>
            {t('studio.content.addModule')}
          </Button>
        </form>
      )}
      {selected ? <LessonEditor key={selected.id} version={version} lesson={selected} /> : null}
    </section>
  );
}

function SortableItem({ id, disabled, handleLabel, className, children }: { id: string; disabled: boolean; handleLabel: string; className: string; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled });
  return (
    <li ref={setNodeRef} className={`${className}${isDragging ? ` ${className}--dragging` : ''}`} style={{ transform: CSS.Transform.toString(transform), transition }}>
      {disabled ? null : (
        <button type="button" ref={setActivatorNodeRef} className="studio-handle" {...attributes} {...listeners} aria-label={handleLabel}>
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <div className="studio-item__body">{children}</div>
    </li>
  );
}

function ModuleHeader({ module, version, first, last, onMove }: { module: StudioModule; version: StudioVersion; first: boolean; last: boolean; onMove: (delta: -1 | 1) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(module.title);
  const rename = useVersionMutation(version.id, (value: string) => studioApi.renameModule(module.id, value));
  const remove = useVersionMutation(version.id, () => studioApi.deleteModule(module.id));
  const ro = !version.editable;
  return (
    <div className="studio-module__header">
      {editing ? (
        <form
          className="studio-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) rename.mutate(title.trim(), { onSuccess: () => setEditing(false) });
          }}
        >
          <TextField id={`module-title-${module.id}`} label={t('studio.content.moduleTitle')} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
          <Button type="submit" busy={rename.isPending} busyLabel={t('studio.saving')}>
            {t('studio.save')}
          </Button>
          <Button variant="link" onClick={() => setEditing(false)}>
            {t('studio.cancel')}
          </Button>
        </form>
      ) : (
        <h3 className="studio-module__title">
          {t('studio.content.moduleNumber', { number: module.position })}: {module.title}
        </h3>
      )}
      {ro || editing ? null : (
        <div className="studio-actions">
          <button id={`move-m-up-${module.id}`} type="button" className="button button--secondary studio-small" disabled={first} onClick={() => onMove(-1)} aria-label={t('studio.content.moveUp', { title: module.title })}>
            ↑
          </button>
          <button id={`move-m-down-${module.id}`} type="button" className="button button--secondary studio-small" disabled={last} onClick={() => onMove(1)} aria-label={t('studio.content.moveDown', { title: module.title })}>
            ↓
          </button>
          <Button variant="secondary" className="studio-small" onClick={() => setEditing(true)} aria-label={t('studio.content.renameNamed', { title: module.title })}>
            {t('studio.content.rename')}
          </Button>
          <Button
            variant="danger"
            className="studio-small"
            busy={remove.isPending}
            aria-label={t('studio.content.deleteNamed', { title: module.title })}
            onClick={() => {
              if (window.confirm(t('studio.content.confirmDeleteModule', { title: module.title }))) remove.mutate(undefined);
            }}
          >
            {t('studio.content.delete')}
          </Button>
        </div>
      )}
    </div>
  );
}

function LessonRow({ lesson, selected, readOnly, canUp, canDown, onMove }: { lesson: StudioLesson; selected: boolean; readOnly: boolean; canUp: boolean; canDown: boolean; onMove: (delta: -1 | 1) => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = new URLSearchParams(params);
  q.set(LESSON_PARAM, lesson.id);
  return (
    <div className="studio-lesson__row">
      <span className="lesson-kind">{kindName(t, lesson.kind)}</span>{' '}
      <Link to={`?${q.toString()}`} aria-current={selected ? 'true' : undefined} className="studio-lesson__title">
        {lesson.title}
      </Link>
      {readOnly ? null : (
        <span className="studio-actions">
          <button id={`move-l-up-${lesson.id}`} type="button" className="button button--secondary studio-small" disabled={!canUp} onClick={() => onMove(-1)} aria-label={t('studio.content.moveUp', { title: lesson.title })}>
            ↑
          </button>
          <button id={`move-l-down-${lesson.id}`} type="button" className="button button--secondary studio-small" disabled={!canDown} onClick={() => onMove(1)} aria-label={t('studio.content.moveDown', { title: lesson.title })}>
            ↓
          </button>
        </span>
      )}
    </div>
  );
}

function AddLessonForm({ version, module }: { version: StudioVersion; module: StudioModule }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LessonKind>('text');
  const [title, setTitle] = useState('');
  const add = useVersionMutation(version.id, (args: { kind: LessonKind; title: string }) => studioApi.addLesson(module.id, args.kind, args.title));
  return (
    <form
      className="studio-inline-form studio-add-lesson"
      aria-label={t('studio.content.addLessonTo', { title: module.title })}
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) add.mutate({ kind, title: title.trim() }, { onSuccess: () => setTitle('') });
      }}
    >
      <SelectField id={`new-kind-${module.id}`} label={t('studio.content.kind')} value={kind} onChange={(e) => setKind(e.target.value as LessonKind)}>
        {LESSON_KINDS.map((k) => (
          <option key={k} value={k}>
            {kindName(t, k)}
          </option>
        ))}
      </SelectField>
      <TextField id={`new-lesson-${module.id}`} label={t('studio.content.lessonTitle')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      <Button type="submit" variant="secondary" busy={add.isPending} busyLabel={t('studio.saving')}>
        {t('studio.content.addLesson')}
      </Button>
    </form>
  );
}
