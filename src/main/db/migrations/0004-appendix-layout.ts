// Schema version 4: a plan keeps the shape of its 附件1 (the columns it prints, how categories are shown, the notes
// under the table) as JSON, so a plan imported from another bureau's appendix exports with that appendix's columns.
// Plans that existed before get the layout PlanDesk always printed: 类别 | 序号 | 主要指标 | one column per published
// target year (the last year when none) | 备注 — the same as defaultAppendixLayout in src/shared/plan-import.ts.
export default /* sql */ `
ALTER TABLE plan ADD COLUMN appendix_layout TEXT
  CHECK (appendix_layout IS NULL OR json_valid(appendix_layout));

UPDATE plan SET appendix_layout = json_object(
  'columns', json(
    '[{"kind":"category","header":"类别"},{"kind":"seq","header":"序号"},{"kind":"name","header":"主要指标"},'
    || (SELECT group_concat(json_object('kind', 'target', 'header', y.value || '年', 'year', y.value), ',' ORDER BY y.key)
          FROM json_each(CASE WHEN json_array_length(plan.target_years) > 0 THEN plan.target_years
                              ELSE json_array(plan.last_year) END) AS y)
    || ',{"kind":"remark","header":"备注"}]'
  ),
  'categories', 'column',
  'categoryNumbering', json('null'),
  'notes', json('[]')
);
`;
