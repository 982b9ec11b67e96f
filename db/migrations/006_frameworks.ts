import type { Kysely } from "kysely";
import { runStatements } from "./statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- The ITA framework of each fiscal year as a document (core/ita/framework.ts), checked before it
    -- is stored. The years we ship are loaded from db/frameworks/ by migrate(); an operator adds or
    -- replaces a year with "ita framework import". The text is the canonical JSON of the checked
    -- document, so an unchanged file is recognised as unchanged.
    create table frameworks (
      year int primary key check (year between 2550 and 2700),
      version int not null check (version >= 1),
      document text not null,
      provisional boolean not null,
      origin text not null check (origin in ('shipped', 'operator')),
      loaded_by text not null,
      loaded_at timestamptz not null default now()
    );

    -- Every version ever loaded, with what changed from the one before.
    create table framework_versions (
      year int not null,
      version int not null,
      document text not null,
      origin text not null check (origin in ('shipped', 'operator')),
      changes jsonb not null,
      loaded_by text not null,
      loaded_at timestamptz not null default now(),
      primary key (year, version)
    );

    -- The calendar as data: a stable key for national dates ("oit-submission"), a window's first
    -- day, whether the date is the usual pattern rather than one the NACC announced, and whether
    -- admins are reminded of it (nobody needs a push for the NACC's own scoring weeks).
    alter table milestones add column key text check (key is null or key ~ '^[a-z0-9-]{2,40}$');
    alter table milestones add column starts_on date;
    alter table milestones add column provisional boolean not null default false;
    alter table milestones add column remind boolean not null default true;
    create unique index milestones_national_key on milestones (fiscal_year, key) where agency_id is null and key is not null;
    -- The typical calendars earlier releases loaded get their keys, so they are not added twice.
    update milestones set provisional = true, key = case
        when title like '%ลงทะเบียน%' then 'registration'
        when title like '%เผยแพร่ข้อมูล OIT%' then 'oit-submission'
        when title like '%รอบ ๖ เดือน%' then 'six-month-report'
        when title like '%ตรวจให้คะแนน OIT%' then 'oit-scoring'
        when title like '%ชี้แจง%' then 'clarification'
        when title like '%ยืนยันผล%' then 'confirmation'
        when title like '%ประกาศผล%' then 'results'
        when title like '%ประจำปีงบประมาณ%' then 'annual-report'
      end
      where created_by like 'demo:typical-calendar%' and agency_id is null;
    update milestones set remind = false where key in ('oit-scoring', 'results') and agency_id is null;

    -- Advice follows an indicator's concept, not its number, so a reformed year with other
    -- numbers gets the right text: "indicator:4" becomes "indicator:asset-use".
    alter table report_recommendations drop constraint report_recommendations_key_check;
    update report_recommendations set key = 'indicator:' || (array[
      'duty-performance', 'budget-use', 'use-of-authority', 'asset-use', 'anti-corruption-action',
      'service-quality', 'communication-efficiency', 'work-improvement', 'information-disclosure',
      'corruption-prevention'])[substring(key from 11)::int]
      where key ~ '^indicator:(10|[1-9])$';
    update report_recommendations set key = 'procurement-monthly-summary' where key = 'procurement-progress'
      and not exists (select 1 from report_recommendations r2 where r2.agency_id = report_recommendations.agency_id and r2.key = 'procurement-monthly-summary');
    alter table report_recommendations add constraint report_recommendations_key_check
      check (key ~ '^(indicator:)?[a-z0-9]+(-[a-z0-9]+)*$' and length(key) between 2 and 70);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop table framework_versions;
    drop table frameworks;
    drop index milestones_national_key;
    alter table milestones drop column key;
    alter table milestones drop column starts_on;
    alter table milestones drop column provisional;
    alter table milestones drop column remind;
    `,
  );
}
