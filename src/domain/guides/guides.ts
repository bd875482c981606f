// Pure rules of 交易操作一点通 guides: what a staff edit may not contain beyond its schema. No I/O.

/** Problems with a guide as written (beyond field formats), each with the field path it concerns. */
export function guideProblems(guide: { steps: readonly string[]; materials: readonly string[]; attachments: ReadonlyArray<{ fileId: string }> }): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const seenSteps = new Map<string, number>();
  guide.steps.forEach((step, index) => {
    const key = step.trim();
    if (seenSteps.has(key)) problems.push({ path: `steps.${index}`, message: `第 ${index + 1} 步与第 ${seenSteps.get(key)! + 1} 步重复` });
    else seenSteps.set(key, index);
  });
  const seenMaterials = new Set<string>();
  guide.materials.forEach((material, index) => {
    const key = material.trim();
    if (seenMaterials.has(key)) problems.push({ path: `materials.${index}`, message: `材料“${key}”重复` });
    seenMaterials.add(key);
  });
  const seenFiles = new Set<string>();
  guide.attachments.forEach((attachment, index) => {
    if (seenFiles.has(attachment.fileId)) problems.push({ path: `attachments.${index}`, message: '同一附件重复添加' });
    seenFiles.add(attachment.fileId);
  });
  return problems;
}
