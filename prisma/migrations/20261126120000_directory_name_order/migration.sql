-- CreateIndex: the directory sorted by name reads enterprises in this order and stops at a page.
CREATE INDEX "Enterprise_name_id_idx" ON "Enterprise"("name", "id");
