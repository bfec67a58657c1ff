"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { repeatsInRequest } from "@/lib/humanos/repeats-in-request";
import { type Subject, subjectSchema } from "@/lib/humanos/schemas";
import type { SubmissionRow } from "@/lib/runs/run-types";
import { CountryOptions } from "./country-options";
import { describedBy, FormField } from "./form-field";

const subjectsFormSchema = z.object({
  subjects: z
    .array(subjectSchema)
    .min(1, "Add at least one subject")
    // What Humanos would refuse (407, 408) is said beside the field before anything is sent.
    .superRefine((subjects, context) => {
      for (const repeat of repeatsInRequest(subjects))
        context.addIssue({ code: "custom", path: [repeat.index, ...repeat.path], message: repeat.message });
    }),
});

type SubjectsFormValues = z.input<typeof subjectsFormSchema>;
type SubjectValues = SubjectsFormValues["subjects"][number];
type IdentityValues = NonNullable<SubjectValues["identity"]>;

const COUNTRY_LIST_ID = "alpha3-countries";
const BLANK_SUBJECT: SubjectValues = { contact: "", internalId: "" };
const BLANK_IDENTITY: IdentityValues = { fullName: "", birth: "", docId: "", countryAlpha3: "" };

export function SubjectForm({
  isSending,
  onSubmit,
}: {
  isSending: boolean;
  onSubmit: (rows: SubmissionRow[]) => void;
}) {
  const form = useForm<SubjectsFormValues, unknown, { subjects: Subject[] }>({
    resolver: zodResolver(subjectsFormSchema),
    defaultValues: { subjects: [BLANK_SUBJECT] },
    mode: "onTouched",
  });
  const { register, control, handleSubmit, formState, watch, setValue } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "subjects" });
  const subjects = watch("subjects");
  const formId = useId();

  const send = handleSubmit((values) =>
    onSubmit(values.subjects.map((subject, rowIndex) => ({ rowIndex, subject }))),
  );

  return (
    <form onSubmit={send} noValidate className="flex flex-col gap-4" aria-label="Subjects form">
      <CountryOptions id={COUNTRY_LIST_ID} />
      {fields.map((field, index) => {
        const errors = formState.errors.subjects?.[index];
        const hasIdentity = subjects[index]?.identity !== undefined;
        // useId, not field.id: react-hook-form's ids are random, so the server's HTML would not match.
        const id = (name: string) => `${formId}-subject-${index}-${name}`;
        return (
          <fieldset
            key={field.id}
            className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <legend className="px-1 font-semibold">Subject {index + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <FormField
                id={id("contact")}
                label="Contact (e-mail or phone)"
                hint="An e-mail address, or a phone number in international form: +351912345678"
                error={errors?.contact?.message}
              >
                <Input
                  id={id("contact")}
                  autoComplete="off"
                  aria-invalid={errors?.contact ? true : undefined}
                  aria-describedby={describedBy(id("contact"), errors?.contact?.message, true)}
                  {...register(`subjects.${index}.contact`)}
                />
              </FormField>
              <FormField
                id={id("internalId")}
                label="Internal ID (optional)"
                error={errors?.internalId?.message}
              >
                <Input
                  id={id("internalId")}
                  autoComplete="off"
                  aria-invalid={errors?.internalId ? true : undefined}
                  aria-describedby={describedBy(id("internalId"), errors?.internalId?.message)}
                  {...register(`subjects.${index}.internalId`)}
                />
              </FormField>
            </div>
            <div className="flex items-center gap-2 text-sm">
              <input
                id={id("has-identity")}
                type="checkbox"
                className="size-4"
                checked={hasIdentity}
                onChange={(event) =>
                  setValue(
                    `subjects.${index}.identity`,
                    event.target.checked ? { ...BLANK_IDENTITY } : undefined,
                    {
                      shouldValidate: false,
                    },
                  )
                }
              />
              <label htmlFor={id("has-identity")}>Add an identity document</label>
            </div>
            {hasIdentity ? (
              <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 dark:border-slate-700">
                <legend className="px-1 text-sm font-medium">Identity of subject {index + 1}</legend>
                <FormField id={id("fullName")} label="Full name" error={errors?.identity?.fullName?.message}>
                  <Input
                    id={id("fullName")}
                    aria-invalid={errors?.identity?.fullName ? true : undefined}
                    aria-describedby={describedBy(id("fullName"), errors?.identity?.fullName?.message)}
                    {...register(`subjects.${index}.identity.fullName`)}
                  />
                </FormField>
                <FormField id={id("birth")} label="Date of birth" error={errors?.identity?.birth?.message}>
                  <Input
                    id={id("birth")}
                    type="date"
                    aria-invalid={errors?.identity?.birth ? true : undefined}
                    aria-describedby={describedBy(id("birth"), errors?.identity?.birth?.message)}
                    {...register(`subjects.${index}.identity.birth`)}
                  />
                </FormField>
                <FormField id={id("docId")} label="Document number" error={errors?.identity?.docId?.message}>
                  <Input
                    id={id("docId")}
                    autoComplete="off"
                    aria-invalid={errors?.identity?.docId ? true : undefined}
                    aria-describedby={describedBy(id("docId"), errors?.identity?.docId?.message)}
                    {...register(`subjects.${index}.identity.docId`)}
                  />
                </FormField>
                <FormField
                  id={id("countryAlpha3")}
                  label="Country (ISO alpha-3)"
                  hint="Type a code or a name to search, e.g. PRT — Portugal"
                  error={errors?.identity?.countryAlpha3?.message}
                >
                  <Input
                    id={id("countryAlpha3")}
                    list={COUNTRY_LIST_ID}
                    autoComplete="off"
                    aria-invalid={errors?.identity?.countryAlpha3 ? true : undefined}
                    aria-describedby={describedBy(
                      id("countryAlpha3"),
                      errors?.identity?.countryAlpha3?.message,
                      true,
                    )}
                    {...register(`subjects.${index}.identity.countryAlpha3`)}
                  />
                </FormField>
              </fieldset>
            ) : null}
            {fields.length > 1 ? (
              <div>
                <Button variant="danger" size="sm" onClick={() => remove(index)}>
                  <Trash2 aria-hidden="true" className="size-4" /> Remove subject {index + 1}
                </Button>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button variant="secondary" onClick={() => append({ ...BLANK_SUBJECT })}>
          <Plus aria-hidden="true" className="size-4" /> Add another subject
        </Button>
        <Button type="submit" disabled={isSending}>
          Create subjects
        </Button>
      </div>
      {formState.isSubmitted && !formState.isValid ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Some fields need attention; each one says what is wrong.
        </p>
      ) : null}
    </form>
  );
}
